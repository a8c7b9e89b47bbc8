// What a rep records about an account on a visit besides people and needs: competitors
// (竞争对手), the entry point and our advantages (切入点/优势), and an order (订单). Their
// creates are queue handlers (the item's id is the clientMutationId: a replay never makes
// two); edits and deletes are online writes in their screens, with the version read.
import { graphql } from '../graphql';
import { request } from './api';
import type { Handler } from './queue';

export const CreateCompetitor = graphql(`
  mutation CreateCompetitor($input: CreateCompetitorInput!, $cmid: String) {
    createCompetitor(input: $input, clientMutationId: $cmid) { id }
  }
`);

export const CreatePitch = graphql(`
  mutation CreatePitch($input: CreatePitchInput!, $cmid: String) {
    createPitch(input: $input, clientMutationId: $cmid) { id }
  }
`);

export const CreateOrder = graphql(`
  mutation CreateOrder($input: CreateOrderInput!, $cmid: String) {
    createOrder(input: $input, clientMutationId: $cmid) { id number }
  }
`);

export const fieldHandlers: Record<string, Handler> = {
  competitor: { send: (item) => request(CreateCompetitor, { input: item.vars.input, cmid: item.id }) },
  pitch: { send: (item) => request(CreatePitch, { input: item.vars.input, cmid: item.id }) },
  order: { send: (item) => request(CreateOrder, { input: item.vars.input, cmid: item.id }) },
};
