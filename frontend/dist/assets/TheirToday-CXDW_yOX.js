import{t as e}from"./graphql-B9MLIZxW.js";import{Z as t,a as n,q as r,w as i}from"./preload-helper-ClNRQj4J.js";import{L as a,_ as o,i as s,n as c,t as l}from"./index-AJerVlQO.js";t();var u=i(`theirToday`,{title:`{name}'s Today`,loading:`Today`},{title:`{name}的今日`,loading:`今日`}),d=e(`
  query TheirToday($id: ID!) {
    node(id: $id) { id ... on User { name } }
    today(userID: $id) { total totalAtLeast counts { kind count atLeast } items { ...TodayItemFields } }
  }
`,[c]);function f({id:e}){let t=o(d,{id:e}),i=t.data?.node&&`name`in t.data.node?t.data.node.name:``;return n(r,{children:[n(s,{title:i?u(`title`,{name:i}):u(`loading`),back:`/team`}),n(`main`,{class:`content`,children:n(a,{q:t,children:t=>n(l,{today:t.today,userID:e})})})]})}export{f as TheirToday};