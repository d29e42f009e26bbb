import { auditEn } from '../../audit/messages.ts';
import { conditionsEn } from '../../conditions/messages.ts';
import { consoleEn } from '../../console/messages.ts';
import { draftsEn } from '../../drafts/messages.ts';
import { changeSetEn } from '../../editor/change-set-messages.ts';
import { impactEn } from '../../editor/impact-messages.ts';
import { editorEn } from '../../editor/messages.ts';
import { homeEn } from '../../home/messages.ts';
import { officesEn } from '../../offices/messages.ts';
import { parametersEn } from '../../parameters/messages.ts';
import { questionsEn } from '../../questions/messages.ts';
import { signInEn } from '../../sign-in/messages.ts';
import { tokensEn } from '../../tokens/messages.ts';
import { trialsEn } from '../../trials/messages.ts';
import { trialRunsEn } from '../../trials/runs-messages.ts';
import { usersEn } from '../../users/messages.ts';
import { versionsEn } from '../../versions/messages.ts';
import { errorsEn } from '../api/messages.ts';
import { lawEn } from '../law/messages.ts';
import { shellEn } from '../shell/messages.ts';
import type { Catalogue } from './pl.ts';

/** The English sections, in the order of the Polish ones. */
export const enSections = [
  shellEn,
  signInEn,
  homeEn,
  questionsEn,
  versionsEn,
  parametersEn,
  lawEn,
  draftsEn,
  editorEn,
  changeSetEn,
  impactEn,
  conditionsEn,
  consoleEn,
  trialsEn,
  trialRunsEn,
  auditEn,
  usersEn,
  officesEn,
  tokensEn,
  errorsEn,
] as const;

/** The English catalogue; its type makes it hold exactly the Polish keys. */
export const en: Catalogue = {
  ...shellEn,
  ...signInEn,
  ...homeEn,
  ...questionsEn,
  ...versionsEn,
  ...parametersEn,
  ...lawEn,
  ...draftsEn,
  ...editorEn,
  ...changeSetEn,
  ...impactEn,
  ...conditionsEn,
  ...consoleEn,
  ...trialsEn,
  ...trialRunsEn,
  ...auditEn,
  ...usersEn,
  ...officesEn,
  ...tokensEn,
  ...errorsEn,
};
