// The quotation form's account query, apart from the form: the account's page keeps it
// for offline use (a quotation can be drafted in the customer's lobby with no network).
import { graphql } from '../graphql';

export const QuotationFormAccount = graphql(`
  query QuotationFormAccount($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name
        samples(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
          edges { node { id status requestedAt product { id code name unit } } }
        }
      }
    }
    products(first: 100, where: { active: true }, orderBy: { field: CODE, direction: ASC }) { edges { node { id code name unit } } }
  }
`);
