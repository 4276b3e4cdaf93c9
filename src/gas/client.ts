import { userMessage } from './errors';

/**
 * Runs a function a sidebar or dialog calls with google.script.run. Whatever fails reaches the page's
 * failure handler as a Japanese sentence (userMessage), never as a raw exception or stack trace; the
 * details go to the execution log for whoever looks into it.
 */
export function forClient<R>(job: () => R): R {
  try {
    return job();
  } catch (error) {
    console.error(error);
    throw new Error(userMessage(error));
  }
}
