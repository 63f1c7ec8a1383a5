import { AppError } from "../domain/app-error.js";
import type { Role } from "../domain/roles.js";
import type { Directory, DirectoryUser } from "../ports/directory.js";

/** The person named in a field must exist and hold the role the step needs (422 otherwise). */
export async function requirePersonWithRole(
  directory: Directory,
  options: { id: string; role: Role; field: string; what: string },
): Promise<DirectoryUser> {
  const user = await directory.getUser(options.id);
  if (!user?.roles.includes(options.role)) {
    const message = `${options.id} is not ${options.what}. Choose someone who is.`;
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: [options.field], message }] });
  }
  return user;
}
