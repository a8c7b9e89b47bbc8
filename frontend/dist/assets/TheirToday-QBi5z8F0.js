import{t as e}from"./graphql-Bz7QLskk.js";import{G as t,S as n,Y as r,i}from"./preload-helper-cgQNtKgt.js";import{n as a,p as o,s,t as c}from"./index-BJb0vZPR.js";r();var l=n(`theirToday`,{title:`{name}'s Today`,loading:`Today`},{title:`{name}的今日`,loading:`今日`}),u=e(`
  query TheirToday($id: ID!) {
    node(id: $id) { id ... on User { name } }
    today(userID: $id) {
      total
      counts { kind count }
      items {
        kind title reason due urgency members phone
        node { __typename id ... on Task { version } }
        customer { id name }
      }
    }
  }
`);function d({id:e}){let n=s(u,{id:e}),r=n.data?.node&&`name`in n.data.node?n.data.node.name:``;return i(t,{children:[i(a,{title:r?l(`title`,{name:r}):l(`loading`),back:`/team`}),i(`main`,{class:`content`,children:i(o,{q:n,children:t=>i(c,{today:t.today,userID:e})})})]})}export{d as TheirToday};