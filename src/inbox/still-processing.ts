/** Thrown when a redelivery arrives while the first delivery is still running elsewhere: answer 503 so WeCom retries. */
export class StillProcessing extends Error {}
