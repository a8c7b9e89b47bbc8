// Photos and voice notes: the GraphQL documents, and the upload of a queued visit's
// files once its interaction exists. Each file goes under a clientMutationId made of the
// item's id and the file's place in it, and the item's progress records each one sent,
// so a retry (a lost answer, the network gone halfway) neither stores a file twice nor
// sends again what already arrived.
import { graphql } from '../graphql';
import { mediaCmid, pendingUploads } from '../screens/mediaLogic';
import { request } from './api';
import type { QueueItem } from './queue';

export const MediaFields = graphql(`
  fragment MediaFields on MediaNote @_unmask {
    id version kind contentType sizeBytes durationSeconds caption downloadURL createdAt fileName uploadedBy { name }
  }
`);

export const AttachMedia = graphql(
  `
  mutation AttachMedia($input: AttachMediaInput!, $cmid: String) {
    attachMedia(input: $input, clientMutationId: $cmid) { ...MediaFields }
  }
`,
  [MediaFields],
);

export const DeleteMediaNote = graphql(`
  mutation DeleteMediaNote($id: ID!, $version: Int) { deleteMediaNote(id: $id, version: $version) { deletedID } }
`);

/** Upload the item's files not sent yet to the visit (or trial) it made; returns the item with its progress. */
export async function uploadQueuedMedia(
  item: QueueItem,
  parent: { interactionID: string } | { trialID: string },
  save: (item: QueueItem) => Promise<void>,
): Promise<QueueItem> {
  const files = item.files ?? [];
  const done = new Set<string>((item.progress?.media as string[] | undefined) ?? []);
  for (const i of pendingUploads(item.id, files.length, [...done])) {
    const f = files[i];
    const cmid = mediaCmid(item.id, i);
    const voice = f.key === 'voice';
    await request(
      AttachMedia,
      { input: { ...parent, file: f.blob, caption: null, durationSeconds: voice ? (f.durationSeconds ?? null) : null }, cmid },
      [{ path: 'input.file', file: f.blob, name: f.name }],
    );
    done.add(cmid);
    item = { ...item, progress: { ...item.progress, media: [...done] } };
    await save(item);
  }
  return item;
}
