/** A file the user picked, as the renderer may know it: an opaque id, the name the user knows, its size. */
import { z } from 'zod';

/** A file the user picked (dialog or upload). Only its id crosses the boundary afterwards. */
export const FileRef = z.object({ fileId: z.string(), name: z.string(), bytes: z.number().int().min(0) });
export type FileRef = z.infer<typeof FileRef>;
