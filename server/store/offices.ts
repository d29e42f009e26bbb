import { asc, eq } from 'drizzle-orm';
import type { OfficeSettings } from '../../src/schema/office.ts';
import type { Db } from '../db/open.ts';
import { offices } from '../db/schema.ts';
import { appendAudit } from './audit.ts';

type Row = typeof offices.$inferSelect;

/** An office's settings as the API and the document read them. */
export function officeView(r: Row): OfficeSettings & { updated_at: string; updated_by: string } {
  return {
    office: r.office,
    name: r.name,
    address: r.address,
    place: r.place,
    appeal_body: r.appealBody,
    signatory_name: r.signatoryName,
    signatory_position: r.signatoryPosition,
    updated_at: r.updatedAt,
    updated_by: r.updatedBy,
  };
}

/** Every office's settings, by key. */
export async function listOffices(db: Db) {
  return (await db.select().from(offices).orderBy(asc(offices.office))).map(officeView);
}

/** One office's settings (with who changed them last), or undefined when no admin has set them. */
export async function getOffice(db: Db, office: string | null | undefined): Promise<ReturnType<typeof officeView> | undefined> {
  if (!office) return undefined;
  const [row] = await db.select().from(offices).where(eq(offices.office, office));
  return row ? officeView(row) : undefined;
}

const columns = (s: OfficeSettings, actor: string) => ({
  name: s.name,
  address: s.address,
  place: s.place,
  appealBody: s.appeal_body,
  signatoryName: s.signatory_name,
  signatoryPosition: s.signatory_position,
  updatedBy: actor,
  updatedAt: new Date().toISOString(),
});

/** Creates an office's settings; false when the office already has some. Audited with the new values. */
export function createOffice(db: Db, settings: OfficeSettings, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await tx.select({ o: offices.office }).from(offices).where(eq(offices.office, settings.office))).length) return false;
    await tx.insert(offices).values({ office: settings.office, ...columns(settings, actor) });
    await appendAudit(tx, { actor, action: 'office.create', subject: `office:${settings.office}`, detail: settings });
    return true;
  });
}

/** Replaces an office's settings; false when the office has none yet. Audited with the new values. */
export function updateOffice(db: Db, settings: OfficeSettings, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(offices)
      .set(columns(settings, actor))
      .where(eq(offices.office, settings.office))
      .returning({ office: offices.office });
    if (!done.length) return false;
    await appendAudit(tx, { actor, action: 'office.update', subject: `office:${settings.office}`, detail: settings });
    return true;
  });
}
