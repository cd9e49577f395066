import { analyticsDraft, metricDraft, notifyDraft, pickWritten, reviewDraft, submissionDraft, webhookDraft } from '../pg/writeDrafts.ts';
import { rememberSubmission, type WriteState } from '../pg/writeStatements.ts';
import { WRITE_SHAPES, type RestRequestShape } from '../../workloads/restShapes.ts';
import type { WriteName } from '../../workloads/workload.ts';

/** Sends one request and returns its body text (RestClient.send bound to the service persona). */
export type SendRest = (shape: RestRequestShape, params: Readonly<Record<string, unknown>>) => Promise<string>;

/** A submission as launch-drop's companions follow it: the order it went to and, once committed, its payment reference. */
export interface SubmissionSent {
  id: string;
  orderId: string;
}

/** Told of every submission a REST submit sends: before the first request, then committed or failed. */
export interface SubmitWatcher {
  sending(submission: SubmissionSent): void;
  committed(submission: SubmissionSent & { reference: string }): void;
  failed(submission: SubmissionSent): void;
}

/**
 * One of the app's writes as its REST requests, with the values the pg driver would bind
 * (writeDrafts.ts): each request commits on its own, as PostgREST's do. The webhook and the
 * proof review act only on submissions this run wrote; before there is one, they submit.
 */
export async function runRestWrite(name: WriteName, state: WriteState, send: SendRest, watcher?: SubmitWatcher): Promise<unknown> {
  switch (name) {
    case 'submit':
      return submit(state, send, watcher);
    case 'payment-webhook':
    case 'proof-review': {
      const target = pickWritten(state);
      if (!target) return submit(state, send, watcher);
      return sendAll(WRITE_SHAPES[name], name === 'payment-webhook' ? webhookDraft(state, target) : reviewDraft(state, target), send);
    }
    case 'notify':
      return sendAll(WRITE_SHAPES.notify, notifyDraft(state), send);
    case 'analytics-event':
      return sendAll(WRITE_SHAPES['analytics-event'], analyticsDraft(state), send);
    case 'monitoring-metric':
      return sendAll(WRITE_SHAPES['monitoring-metric'], metricDraft(state), send);
  }
}

async function submit(state: WriteState, send: SendRest, watcher?: SubmitWatcher): Promise<void> {
  const draft = submissionDraft(state);
  const sent = { id: draft.id, orderId: draft.order_id };
  watcher?.sending(sent);
  let bound: Record<string, unknown>;
  try {
    bound = await sendAll(WRITE_SHAPES.submit, draft, send);
  } catch (error) {
    watcher?.failed(sent);
    throw error;
  }
  // Answered 201: committed, so another user's webhook may pay it.
  rememberSubmission(state, { id: draft.id, amount: draft.total_amount, currency: draft.currency });
  watcher?.committed({ ...sent, reference: String(bound.payment_reference) });
}

/** The requests in order; a request's `capture` binds its answer (an rpc's scalar) for the next ones. Returns the params as bound. */
async function sendAll(shapes: readonly RestRequestShape[], params: Record<string, unknown>, send: SendRest): Promise<Record<string, unknown>> {
  const bound = { ...params };
  for (const shape of shapes) {
    const text = await send(shape, bound);
    if (shape.capture) bound[shape.capture] = JSON.parse(text) as unknown;
  }
  return bound;
}
