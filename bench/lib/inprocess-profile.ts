/** A CPU profile of a stretch of this process (for the in-process core part), via node:inspector. */
import { Session } from "node:inspector/promises";
import { writeProfile } from "./child.ts";

export async function profiled<T>(name: string, enabled: boolean, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeProfile(name, profile);
    session.disconnect();
  }
}
