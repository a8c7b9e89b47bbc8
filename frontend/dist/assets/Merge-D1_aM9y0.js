import{C as e,D as t,I as n,Z as r,a as i,d as a,g as o,h as s,i as c,q as l,z as u}from"./preload-helper-ClNRQj4J.js";import{t as d}from"./graphql-B9MLIZxW.js";import{L as f,V as p,_ as m,i as h}from"./index-AJerVlQO.js";import{i as g,n as _}from"./merge.i18n-CiNuzUIg.js";import{a as v,i as y,n as b,r as x,t as S}from"./MergeParts-BF9BcSIk.js";u(),r();var C=d(`
  query MergePreview($s: ID!, $m: ID!) {
    accountMergePreview(survivorID: $s, mergedID: $m) {
      fields { field survivor merged differs }
      moves { table count }
    }
    a: node(id: $s) { ... on Customer { id name owner { name } team { name } } }
    b: node(id: $m) { ... on Customer { id name owner { name } team { name } } }
  }
`),w=d(`
  mutation MergeAccounts($input: MergeInput!, $cm: String) {
    mergeAccounts(input: $input, clientMutationId: $cm) { id customer { id } }
  }
`),T=e=>y(e,{CONFLICT:g(`conflict`),FORBIDDEN:g(`managersOnly`),NOT_FOUND:g(`notFound`),BAD_USER_INPUT:g(`badInput`)});function E(e,t,n){return t?e===`ownerID`?n?.owner?.name??t:e===`teamID`?n?.team?.name??t:e===`leadSource`?c(`CustomerLeadSource`,t):e===`industryStatus`?c(`CustomerIndustryStatus`,t):t:g(`empty`)}function D({id:r,otherId:c}){let u=t(o);t(e);let d=m(C,{s:r,m:c}),[y,D]=n({}),[O,k]=n(``),[A,j]=n(!1),[M,N]=n(``),[P]=n(()=>a());return i(l,{children:[i(h,{title:g(`title`),back:`/customers/${r}`}),i(`main`,{class:`content`,children:u?.access?.manages?i(f,{q:d,children:e=>{let t=e.a,n=e.b,a=e.accountMergePreview.fields.filter(e=>e.differs);async function o(e){if(e.preventDefault(),confirm(g(`confirm`,{name:n?.name??``}))){j(!0),N(``);try{let e=a.map(e=>({field:e.field,side:v(y,e)}));await s(w,{input:{survivorID:r,mergedID:c,choices:e,reason:O.trim()||null},cm:P}),p(`/customers/${r}/timeline`)}catch(e){N(T(e))}finally{j(!1)}}}return i(`form`,{onSubmit:o,children:[i(`p`,{children:g(`explain`,{merged:n?.name??``,survivor:t?.name??``})}),i(`a`,{class:`btn block`,href:`/customers/${c}/merge/${r}`,children:g(`swapSides`,{name:n?.name??``})}),i(S,{diffs:a,picked:y,onPick:D,names:_,sides:[g(`thisAccount`),g(`other`)],shown:(e,r,i)=>E(e,r,i===`SURVIVOR`?t:n)}),i(b,{title:g(`moves`),moves:e.accountMergePreview.moves}),i(x,{reason:O,onReason:k,hint:g(`reasonHint`),error:M,busy:A,action:g(`merge`)})]})}}):i(`p`,{class:`card notice`,children:g(`managersOnly`)})})]})}export{D as Merge};