/**
 * Document (and speaker) attributes with their ordered levels, and document groups (sets)
 * usable as filters (quotations.query groupIds). Writes are undoable.
 */
import { z } from 'zod';
import { method } from './define';
import { Id } from './entities';

export const AttributeScope = z.enum(['document', 'speaker']);
export const AttributeType = z.enum(['text', 'number', 'date', 'boolean']);

export const Attribute = z.object({
  id: Id,
  name: z.string(),
  scope: AttributeScope,
  type: AttributeType,
  position: z.number().int(),
  /** The question a survey column asked (its header or question row), kept through renames; null for other attributes. */
  question: z.string().nullable(),
  /** The values in their kept order (HT16, VT17, HT17 …), including values no document uses now. */
  levels: z.array(z.string()),
  /** How many documents (or speakers) have a value. */
  used: z.number().int(),
});
export type Attribute = z.infer<typeof Attribute>;

export const DocumentGroup = z.object({
  id: Id,
  guid: z.string(),
  name: z.string(),
  position: z.number().int(),
  documentIds: z.array(Id),
});
export type DocumentGroup = z.infer<typeof DocumentGroup>;

const AttrName = z.string().trim().min(1).max(200);
const GroupName = z.string().trim().min(1).max(200);

export const attributeMethods = {
  'attributes.list': method({
    summary: 'Attributes with type and ordered levels (document attributes unless scope says otherwise).',
    params: z.object({ scope: AttributeScope.optional() }).strict(),
    result: z.array(Attribute),
  }),
  'attributes.create': method({
    summary: 'Create an attribute (no values yet). Undoable.',
    params: z.object({ name: AttrName, scope: AttributeScope.default('document'), type: AttributeType.default('text') }).strict(),
    result: z.object({ id: Id }),
    mutates: true,
  }),
  'attributes.rename': method({
    summary: 'Rename an attribute. Undoable.',
    params: z.object({ name: AttrName, newName: AttrName, scope: AttributeScope.default('document') }).strict(),
    result: z.object({ id: Id }),
    mutates: true,
  }),
  'attributes.delete': method({
    summary: 'Delete an attribute with all its values. Undoable.',
    params: z.object({ name: AttrName, scope: AttributeScope.default('document') }).strict(),
    result: z.object({ deleted: z.boolean() }),
    mutates: true,
  }),
  'attributes.setValue': method({
    summary: "Set a document's value of an attribute (created when new; a new value joins the end of its levels); null removes it. Undoable.",
    params: z.object({ documentId: Id, name: AttrName, value: z.string().trim().max(1000).nullable() }).strict(),
    result: z.object({ ok: z.boolean() }),
    mutates: true,
  }),
  'attributes.setSpeakerValue': method({
    summary: "Set a speaker's value of a speaker attribute (e.g. roll); null removes it. Undoable.",
    params: z.object({ speakerId: Id, name: AttrName, value: z.string().trim().max(1000).nullable() }).strict(),
    result: z.object({ ok: z.boolean() }),
    mutates: true,
  }),
  'attributes.setLevelOrder': method({
    summary: "Set the order of an attribute's values; values left out keep their order after the ones given. Undoable.",
    params: z.object({ name: AttrName, levels: z.array(z.string()).max(100_000), scope: AttributeScope.default('document') }).strict(),
    result: z.object({ levels: z.array(z.string()) }),
    mutates: true,
  }),

  'groups.list': method({
    summary: 'Document groups with their members.',
    params: z.object({}).strict(),
    result: z.array(DocumentGroup),
  }),
  'groups.create': method({
    summary: 'Create a document group, optionally with members. Undoable.',
    params: z.object({ name: GroupName, documentIds: z.array(Id).max(100_000).optional() }).strict(),
    result: z.object({ id: Id }),
    mutates: true,
  }),
  'groups.rename': method({
    summary: 'Rename a document group. Undoable.',
    params: z.object({ id: Id, name: GroupName }).strict(),
    result: z.object({ id: Id }),
    mutates: true,
  }),
  'groups.delete': method({
    summary: 'Delete a document group (the documents stay). Undoable.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
    mutates: true,
  }),
  'groups.setMembers': method({
    summary: "Replace a group's members. Undoable.",
    params: z.object({ groupId: Id, documentIds: z.array(Id).max(100_000) }).strict(),
    result: z.object({ id: Id, members: z.number().int() }),
    mutates: true,
  }),
};
