/** POST /session: the sign-in form's fields, checked on the page and again by the server. */
import { z } from 'zod';

export const credentialsSchema = z.object({
  username: z.string().min(1, 'Enter your user name.').max(256, 'At most 256 characters.'),
  password: z.string().min(1, 'Enter your password.').max(4096, 'At most 4096 characters.'),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** What a sign-in (and GET /session) answers. */
export const sessionInfoSchema = z.object({ username: z.string(), csrfToken: z.string() });
