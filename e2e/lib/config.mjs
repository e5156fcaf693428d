// Where the system under test answers. The launcher's default; DINGUS_URL points elsewhere.
export const BASE_URL = (process.env.DINGUS_URL ?? 'http://localhost:8080').replace(/\/+$/, '');

// How long one HTTP call or socket wait may take before the test fails with a clear message
// (a hang is reported, not waited out). Not a performance assertion.
export const TIMEOUT_MS = Number(process.env.DINGUS_E2E_TIMEOUT_MS ?? 15000);
