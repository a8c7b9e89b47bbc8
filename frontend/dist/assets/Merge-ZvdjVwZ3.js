import{G as e,L as t,P as n,T as r,Y as i,h as a,i as o,m as s,r as c,u as l,x as u}from"./preload-helper-cgQNtKgt.js";import{t as d}from"./graphql-Bz7QLskk.js";import{h as f,i as p,l as m,v as h}from"./index-CbR78T10.js";import{i as g,n as _}from"./merge.i18n-D160zUqi.js";import{a as v,i as y,n as b,r as x,t as S}from"./MergeParts-C2H-K92N.js";t(),i();var C=d(`
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
`),T=e=>y(e,{CONFLICT:g(`conflict`),FORBIDDEN:g(`managersOnly`),NOT_FOUND:g(`notFound`),BAD_USER_INPUT:g(`badInput`)});function E(e,t,n){return t?e===`ownerID`?n?.owner?.name??t:e===`teamID`?n?.team?.name??t:e===`leadSource`?c(`CustomerLeadSource`,t):e===`industryStatus`?c(`CustomerIndustryStatus`,t):t:g(`empty`)}function D({id:t,otherId:i}){let c=r(a);r(u);let d=m(C,{s:t,m:i}),[y,D]=n({}),[O,k]=n(``),[A,j]=n(!1),[M,N]=n(``),[P]=n(()=>l());return o(e,{children:[o(p,{title:g(`title`),back:`/customers/${t}`}),o(`main`,{class:`content`,children:c?.access?.manages?o(f,{q:d,children:e=>{let n=e.a,r=e.b,a=e.accountMergePreview.fields.filter(e=>e.differs);async function c(e){if(e.preventDefault(),confirm(g(`confirm`,{name:r?.name??``}))){j(!0),N(``);try{let e=a.map(e=>({field:e.field,side:v(y,e)}));await s(w,{input:{survivorID:t,mergedID:i,choices:e,reason:O.trim()||null},cm:P}),h(`/customers/${t}/timeline`)}catch(e){N(T(e))}finally{j(!1)}}}return o(`form`,{onSubmit:c,children:[o(`p`,{children:g(`explain`,{merged:r?.name??``,survivor:n?.name??``})}),o(`a`,{class:`btn block`,href:`/customers/${i}/merge/${t}`,children:g(`swapSides`,{name:r?.name??``})}),o(S,{diffs:a,picked:y,onPick:D,names:_,sides:[g(`thisAccount`),g(`other`)],shown:(e,t,i)=>E(e,t,i===`SURVIVOR`?n:r)}),o(b,{title:g(`moves`),moves:e.accountMergePreview.moves}),o(x,{reason:O,onReason:k,hint:g(`reasonHint`),error:M,busy:A,action:g(`merge`)})]})}}):o(`p`,{class:`card notice`,children:g(`managersOnly`)})})]})}export{D as Merge};