import { z } from 'zod';

const line = (max: number, description: string) => z.string().trim().min(1).max(max).meta({ description });

/** What an office prints at the head and foot of its decisions: set by an admin, keyed by the users' `office`. */
export const OfficeSettings = z
  .strictObject({
    office: line(200, 'The office key, as written in users’ `office` field (e.g. "PUP Kraków").'),
    name: line(300, 'The authority’s name as it heads a decision (oznaczenie organu), e.g. "Starosta Krakowski".'),
    address: line(500, 'The office’s postal address; a new line per line.'),
    place: line(100, 'Where decisions are issued (miejscowość), e.g. "Kraków".'),
    appeal_body: line(300, 'Where an appeal goes, e.g. "Wojewoda Małopolski" or "Samorządowe Kolegium Odwoławcze w Krakowie".'),
    signatory_name: line(200, 'Who signs, e.g. "Anna Nowak".'),
    signatory_position: line(200, 'Their position, e.g. "Dyrektor Powiatowego Urzędu Pracy w Krakowie, z up. Starosty".'),
  })
  .meta({ id: 'OfficeSettings' });
export type OfficeSettings = z.infer<typeof OfficeSettings>;
