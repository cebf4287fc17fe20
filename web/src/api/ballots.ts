import type { Ballot, BallotCloseBody, BallotDetail, BallotList, BallotOpenBody } from '@contracts';
import { http, seg } from './request';

// 票决: the list, open, turnout or tally, close (and announce), announce, the result workbook.
export const ballotsApi = {
  list: () => http.get<BallotList>('/ballots'),
  open: (body: BallotOpenBody) => http.post<Ballot>('/ballots', body),
  detail: (code: string) => http.get<BallotDetail>(`/ballots/${seg(code)}`),
  close: (code: string, body: BallotCloseBody) => http.post<BallotDetail>(`/ballots/${seg(code)}/close`, body),
  announce: (code: string) => http.post<BallotDetail>(`/ballots/${seg(code)}/announce`),
  resultUrl: (code: string) => http.url(`/ballots/${seg(code)}/result.xlsx`),
};
