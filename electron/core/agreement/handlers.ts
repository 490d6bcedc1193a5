import type { ParsedParams } from '../../../shared/contract';
import type { AgreementResult } from '../../../shared/contract/agreement';
import type { Handlers } from '../api/types';
import { deliver } from '../export/deliver';
import type { Project } from '../project/project';
import { methodText } from './method-text';
import { computeAgreement } from './project-agreement';
import { disagreementDocument, listDisagreements, settleDisagreement } from './disagreements';

export function agreementWithMethod(p: Project, o: ParsedParams<'agreement.compute'>): AgreementResult {
  const r = computeAgreement(p, o);
  return { ...r, method: { sv: methodText(r, 'sv'), en: methodText(r, 'en') } };
}

export const agreementHandlers: Handlers<'agreement.compute' | 'agreement.export' | 'agreement.disagreements' | 'agreement.document' | 'agreement.settle'> = {
  'agreement.compute': ({ session }, o) => agreementWithMethod(session.requireProject(), o),
  'agreement.disagreements': ({ session }, o) => listDisagreements(session.requireProject(), o),
  'agreement.document': ({ session }, o) => disagreementDocument(session.requireProject(), o),
  'agreement.settle': ({ session }, o) => settleDisagreement(session.requireProject(), o),
  'agreement.export': async ({ session }, { format, language, path, ...o }) => {
    const project = session.requireProject();
    const r = agreementWithMethod(project, o);
    // the Word and Excel writers load when an export is asked for, not when the CLI starts
    const { agreementDocx, agreementXlsx } = await import('../export/agreement-export');
    const bytes = format === 'docx' ? await agreementDocx(r, language) : await agreementXlsx(r, language);
    // pseudonymised and leak-checked like every export whenever the project has a list
    return deliver(bytes, format, language === 'sv' ? 'överensstämmelse' : 'agreement', path, { project, pseudonymise: undefined });
  },
};
