// An error the local IAM endpoint answers with, in IAM's own codes and HTTP statuses (the ones the
// SDK's error registry knows: NoSuchEntity 404, EntityAlreadyExists 409, LimitExceeded 409, ...).

const STATUS: Record<string, number> = {
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  LimitExceeded: 409,
  DeleteConflict: 409,
  MalformedPolicyDocument: 400,
  InvalidInput: 400,
  ValidationError: 400,
  InvalidAction: 400,
  MissingAction: 400,
  MissingParameter: 400,
  InvalidParameterValue: 400,
  UnmodifiableEntity: 400,
  PolicyNotAttachable: 400,
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  IncompleteSignature: 400,
  MissingAuthenticationToken: 403,
  RequestExpired: 400,
  ServiceFailure: 500,
};

export class IamError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: "Sender" | "Receiver";

  constructor(code: string, message: string, status?: number) {
    super(message);
    this.name = "IamError";
    this.code = code;
    this.status = status ?? STATUS[code] ?? 400;
    this.type = this.status >= 500 ? "Receiver" : "Sender";
  }
}

export const noSuchEntity = (message: string) => new IamError("NoSuchEntity", message);
export const alreadyExists = (message: string) => new IamError("EntityAlreadyExists", message);
export const limitExceeded = (message: string) => new IamError("LimitExceeded", message);
export const invalidInput = (message: string) => new IamError("InvalidInput", message);
export const deleteConflict = (message: string) => new IamError("DeleteConflict", message);
export const malformedPolicy = (message: string) => new IamError("MalformedPolicyDocument", message);

/** IAM's wording for a parameter that breaks a model constraint. */
export function validationError(param: string, value: string | undefined, constraint: string): IamError {
  const shown = value === undefined ? "null" : `'${value}'`;
  return new IamError(
    "ValidationError",
    `1 validation error detected: Value ${shown} at '${param}' failed to satisfy constraint: ${constraint}`,
  );
}
