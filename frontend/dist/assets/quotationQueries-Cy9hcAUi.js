import{t as e}from"./graphql-B9MLIZxW.js";var t=e(`
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
`);export{t};