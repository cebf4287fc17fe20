import type {
  AppraisalOpenBody,
  AppraisalOptions,
  Ballot,
  BallotCloseBody,
  BallotDetail,
  BallotList,
  BallotOpenBody,
  BallotReminder,
} from '@contracts';
import { http, seg } from './request';

// 票决: the list, open, turnout or tally, close (and announce), announce, the result workbook; 测评 / 评议, 催投.
export const ballotsApi = {
  list: () => http.get<BallotList>('/ballots'),
  open: (body: BallotOpenBody) => http.post<Ballot>('/ballots', body),
  detail: (code: string) => http.get<BallotDetail>(`/ballots/${seg(code)}`),
  close: (code: string, body: BallotCloseBody) => http.post<BallotDetail>(`/ballots/${seg(code)}/close`, body),
  announce: (code: string) => http.post<BallotDetail>(`/ballots/${seg(code)}/announce`),
  resultUrl: (code: string) => http.url(`/ballots/${seg(code)}/result.xlsx`),
  // 满意度测评 / 部门评议 and 催投
  appraisalOptions: () => http.get<AppraisalOptions>('/ballots/appraisal-options'),
  openAppraisal: (body: AppraisalOpenBody) => http.post<Ballot>('/ballots/appraisals', body),
  remind: (code: string, requestId: string) => http.post<BallotReminder>(`/ballots/${seg(code)}/remind`, { requestId }),
};
