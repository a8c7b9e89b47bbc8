import{I as e,J as t,N as n,W as r,b as i,h as a,i as o,m as s,r as c,u as l,w as u}from"./preload-helper-7ZZGiu-D.js";import{t as d}from"./graphql-I_BlnpoM.js";import{a as f,d as p,m,t as h}from"./index-i2XjkQoM.js";import{i as g,n as _}from"./merge.i18n-DcKSgwnu.js";import{a as v,i as y,n as b,r as x,t as S}from"./MergeParts-DH-Wdo4a.js";e(),t();var C=d(`
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
`),T=e=>y(e,{CONFLICT:g(`conflict`),FORBIDDEN:g(`managersOnly`),NOT_FOUND:g(`notFound`),BAD_USER_INPUT:g(`badInput`)});function E(e,t,n){return t?e===`ownerID`?n?.owner?.name??t:e===`teamID`?n?.team?.name??t:e===`leadSource`?c(`CustomerLeadSource`,t):e===`industryStatus`?c(`CustomerIndustryStatus`,t):t:g(`empty`)}function D({id:e,otherId:t}){let c=u(a);u(i);let d=f(C,{s:e,m:t}),[y,D]=n({}),[O,k]=n(``),[A,j]=n(!1),[M,N]=n(``),[P]=n(()=>l());return o(r,{children:[o(h,{title:g(`title`),back:`/customers/${e}`}),o(`main`,{class:`content`,children:c?.access?.manages?o(p,{q:d,children:n=>{let r=n.a,i=n.b,a=n.accountMergePreview.fields.filter(e=>e.differs);async function c(n){if(n.preventDefault(),confirm(g(`confirm`,{name:i?.name??``}))){j(!0),N(``);try{let n=a.map(e=>({field:e.field,side:v(y,e)}));await s(w,{input:{survivorID:e,mergedID:t,choices:n,reason:O.trim()||null},cm:P}),m(`/customers/${e}/timeline`)}catch(e){N(T(e))}finally{j(!1)}}}return o(`form`,{onSubmit:c,children:[o(`p`,{children:g(`explain`,{merged:i?.name??``,survivor:r?.name??``})}),o(`a`,{class:`btn block`,href:`/customers/${t}/merge/${e}`,children:g(`swapSides`,{name:i?.name??``})}),o(S,{diffs:a,picked:y,onPick:D,names:_,sides:[g(`thisAccount`),g(`other`)],shown:(e,t,n)=>E(e,t,n===`SURVIVOR`?r:i)}),o(b,{title:g(`moves`),moves:n.accountMergePreview.moves}),o(x,{reason:O,onReason:k,hint:g(`reasonHint`),error:M,busy:A,action:g(`merge`)})]})}}):o(`p`,{class:`card notice`,children:g(`managersOnly`)})})]})}export{D as Merge};