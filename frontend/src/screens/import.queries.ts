// The importer's GraphQL documents (contract: graph/import.graphql).
import { graphql } from '../graphql';

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      kind
      fileName
      sheet
      encoding
      state
      columns { index header field samples }
      fields { key label required }
      totalRows
      doneRows
      creates
      updates
      unchanged
      duplicates
      errors
      refusedRowsURL
      error
      createdBy { id name }
      createdAt
      finishedAt
    }
  }
`);

export const ImportRowsQuery = graphql(`
  query ImportRows($id: ID!, $action: ImportRowAction, $offset: Int, $limit: Int) {
    importJob(id: $id) {
      id
      rows(action: $action, offset: $offset, limit: $limit) { row action key matchID matchName message cell }
    }
  }
`);

export const ImportJobsQuery = graphql(`
  query ImportJobs($first: Int) {
    importJobs(first: $first) {
      id
      kind
      fileName
      state
      totalRows
      doneRows
      createdBy { id name }
      createdAt
    }
  }
`);

export const StartImport = graphql(`
  mutation StartImport($input: StartImportInput!) {
    startImport(input: $input) { id state }
  }
`);

export const MapImport = graphql(`
  mutation MapImport($id: ID!, $mapping: [ImportMappingInput!]!) {
    mapImport(id: $id, mapping: $mapping) { id state }
  }
`);

export const CommitImport = graphql(`
  mutation CommitImport($id: ID!) {
    commitImport(id: $id) { id state doneRows totalRows }
  }
`);

export const CancelImport = graphql(`
  mutation CancelImport($id: ID!) {
    cancelImport(id: $id) { id state }
  }
`);

/** Each kind's fields, from the importer's own table (what the Data screen lists). */
export const ImportFieldsQuery = graphql(`
  query ImportFields {
    CUSTOMERS: importFields(kind: CUSTOMERS) { key label required }
    CONTACTS: importFields(kind: CONTACTS) { key label required }
    KEY_PERSONS: importFields(kind: KEY_PERSONS) { key label required }
    PRODUCTS: importFields(kind: PRODUCTS) { key label required }
    PRICES: importFields(kind: PRICES) { key label required }
    ORDERS: importFields(kind: ORDERS) { key label required }
    INTERACTIONS: importFields(kind: INTERACTIONS) { key label required }
  }
`);
