import { auditPl } from '../../audit/messages.ts';
import { conditionsPl } from '../../conditions/messages.ts';
import { consolePl } from '../../console/messages.ts';
import { draftsPl } from '../../drafts/messages.ts';
import { changeSetPl } from '../../editor/change-set-messages.ts';
import { impactPl } from '../../editor/impact-messages.ts';
import { editorPl } from '../../editor/messages.ts';
import { homePl } from '../../home/messages.ts';
import { officesPl } from '../../offices/messages.ts';
import { parametersPl } from '../../parameters/messages.ts';
import { questionsPl } from '../../questions/messages.ts';
import { signInPl } from '../../sign-in/messages.ts';
import { tokensPl } from '../../tokens/messages.ts';
import { trialsPl } from '../../trials/messages.ts';
import { trialRunsPl } from '../../trials/runs-messages.ts';
import { usersPl } from '../../users/messages.ts';
import { versionsPl } from '../../versions/messages.ts';
import { errorsPl } from '../api/messages.ts';
import { lawPl } from '../law/messages.ts';
import { shellPl } from '../shell/messages.ts';

/** The Polish sections, one per feature, each in that feature's messages.ts; no key may be in two of them. */
export const plSections = [
  shellPl,
  signInPl,
  homePl,
  questionsPl,
  versionsPl,
  parametersPl,
  lawPl,
  draftsPl,
  editorPl,
  changeSetPl,
  impactPl,
  conditionsPl,
  consolePl,
  trialsPl,
  trialRunsPl,
  auditPl,
  usersPl,
  officesPl,
  tokensPl,
  errorsPl,
] as const;

/**
 * The Polish catalogue: the UI's default language and the source of its message keys, spread from each
 * feature's section. Placeholders are written `{name}`; `t()` type-checks that each one is given.
 */
export const pl = {
  ...shellPl,
  ...signInPl,
  ...homePl,
  ...questionsPl,
  ...versionsPl,
  ...parametersPl,
  ...lawPl,
  ...draftsPl,
  ...editorPl,
  ...changeSetPl,
  ...impactPl,
  ...conditionsPl,
  ...consolePl,
  ...trialsPl,
  ...trialRunsPl,
  ...auditPl,
  ...usersPl,
  ...officesPl,
  ...tokensPl,
  ...errorsPl,
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof pl;

/** A catalogue in another language: exactly the Polish keys, each with a string. */
export type Catalogue = { readonly [K in MessageKey]: string };
