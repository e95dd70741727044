import type { CertificateScopeType } from '@ledger/events';

/** The JSON-LD contexts an Open Badges 3.0 credential names: the W3C VC Data Model 2.0, then Open Badges 3.0. */
export const OPEN_BADGES_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

/**
 * An Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential): who issued it (the hub, at
 * its public URL), what was achieved (the certificate's course, learning path or programme), who
 * achieved it (named, as the certificate names them: there is no identifier of the learner outside
 * the hub), when, and the evidence (the certificate's verification page).
 */
export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: { id: string; type: ['Profile']; name: string; url: string };
  validFrom: string;
  name: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: Array<{ type: 'IdentityObject'; identityHash: string; identityType: 'name'; hashed: false }>;
    activityEndDate: string;
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'Certificate';
      name: string;
      description: string;
      criteria: { narrative: string };
    };
  };
  evidence: Array<{ id: string; type: ['Evidence']; name: string; narrative: string }>;
}

/** What a credential states: one issued certificate, as it was issued (see CertificateIssuedFact). */
export interface IssuedCertificate {
  /** The CertificateIssued event's id: the credential's id is derived from it. */
  eventId: string;
  kind: CertificateScopeType;
  containerId: string;
  learnerName: string;
  title: string;
  completedAt: string;
  issuedAt: string;
  verificationCode: string;
  factsHash: string;
}

const KIND_WORDS: Record<CertificateScopeType, string> = { course: 'course', 'learning-path': 'learning path', programme: 'programme' };

/** The credential of one issued certificate (pure): the same issue always gives the same credential. */
export function openBadgeCredential(issue: IssuedCertificate, issuer: { publicUrl: string; hubName: string; verifyUrl: string }): OpenBadgeCredential {
  const kind = KIND_WORDS[issue.kind];
  return {
    '@context': [...OPEN_BADGES_CONTEXTS],
    id: `urn:uuid:${issue.eventId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.publicUrl, type: ['Profile'], name: issuer.hubName, url: issuer.publicUrl },
    validFrom: issue.issuedAt,
    name: `Certificate of completion: ${issue.title}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: issue.learnerName, identityType: 'name', hashed: false }],
      activityEndDate: issue.completedAt,
      achievement: {
        id: `${issuer.publicUrl}/achievements/${issue.kind}/${encodeURIComponent(issue.containerId)}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: issue.title,
        description: `Completion of the ${kind} "${issue.title}" on ${issuer.hubName}.`,
        criteria: { narrative: `Every session of the ${kind} completed, or passed where a pass is required.` },
      },
    },
    evidence: [
      {
        id: issuer.verifyUrl,
        type: ['Evidence'],
        name: `Certificate ${issue.verificationCode}`,
        narrative: `The certificate with verification code ${issue.verificationCode}; SHA-256 of the facts it certified: ${issue.factsHash}.`,
      },
    ],
  };
}
