// Shapes of the console's activity and meeting API (src/console/routes-events.ts).

export interface RoomCodeView {
  code: string;
  title: string;
  status: string;
  on: boolean;
  current?: string;
  changesAt?: string;
  secondsLeft?: number;
  since?: string;
  slotSeconds: number;
}
