import{t as e}from"./graphql-Bz7QLskk.js";import{G as t,S as n,Y as r,i}from"./preload-helper-cgQNtKgt.js";import{h as a,i as o,l as s,n as c,t as l}from"./index-CbR78T10.js";r();var u=n(`theirToday`,{title:`{name}'s Today`,loading:`Today`},{title:`{name}的今日`,loading:`今日`}),d=e(`
  query TheirToday($id: ID!) {
    node(id: $id) { id ... on User { name } }
    today(userID: $id) { total counts { kind count } items { ...TodayItemFields } }
  }
`,[c]);function f({id:e}){let n=s(d,{id:e}),r=n.data?.node&&`name`in n.data.node?n.data.node.name:``;return i(t,{children:[i(o,{title:r?u(`title`,{name:r}):u(`loading`),back:`/team`}),i(`main`,{class:`content`,children:i(a,{q:n,children:t=>i(l,{today:t.today,userID:e})})})]})}export{f as TheirToday};