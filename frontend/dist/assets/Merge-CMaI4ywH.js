import{I as e,J as t,N as n,W as r,b as i,h as a,i as o,m as s,r as c,u as l,w as u}from"./preload-helper-D9wXVj_Q.js";import{t as d}from"./graphql-B8Ji-MTt.js";import{d as f,i as p,m,r as h}from"./index-CsJ_fq26.js";import{i as g,n as _}from"./merge.i18n-tRhfTixc.js";import{i as v,n as y,r as b,t as x}from"./MergeParts-BztABqXd.js";e(),t();var S=d(`
  query MergePreview($s: ID!, $m: ID!) {
    accountMergePreview(survivorID: $s, mergedID: $m) {
      fields { field survivor merged differs }
      moves { table count }
    }
    a: node(id: $s) { ... on Customer { id name owner { name } team { name } } }
    b: node(id: $m) { ... on Customer { id name owner { name } team { name } } }
  }
`),C=d(`
  mutation MergeAccounts($input: MergeInput!, $cm: String) {
    mergeAccounts(input: $input, clientMutationId: $cm) { id customer { id } }
  }
`),w=e=>b(e,{CONFLICT:g(`conflict`),FORBIDDEN:g(`managersOnly`),NOT_FOUND:g(`notFound`),BAD_USER_INPUT:g(`badInput`)});function T(e,t,n){return t?e===`ownerID`?n?.owner?.name??t:e===`teamID`?n?.team?.name??t:e===`leadSource`?c(`CustomerLeadSource`,t):e===`industryStatus`?c(`CustomerIndustryStatus`,t):t:g(`empty`)}function E({id:e,otherId:t}){let c=u(a);u(i);let d=h(S,{s:e,m:t}),[b,E]=n({}),[D,O]=n(``),[k,A]=n(!1),[j,M]=n(``),[N]=n(()=>l());return o(r,{children:[o(p,{title:g(`title`),back:`/customers/${e}`}),o(`main`,{class:`content`,children:c?.access?.manages?o(f,{q:d,children:n=>{let r=n.a,i=n.b,a=n.accountMergePreview.fields.filter(e=>e.differs);async function c(n){if(n.preventDefault(),confirm(g(`confirm`,{name:i?.name??``}))){A(!0),M(``);try{let n=a.map(e=>({field:e.field,side:v(b,e)}));await s(C,{input:{survivorID:e,mergedID:t,choices:n,reason:D.trim()||null},cm:N}),m(`/customers/${e}/timeline`)}catch(e){M(w(e))}finally{A(!1)}}}return o(`form`,{onSubmit:c,children:[o(`p`,{children:g(`explain`,{merged:i?.name??``,survivor:r?.name??``})}),o(`a`,{class:`btn block`,href:`/customers/${t}/merge/${e}`,children:g(`swapSides`,{name:i?.name??``})}),o(x,{diffs:a,picked:b,onPick:E,names:_,sides:[g(`thisAccount`),g(`other`)],shown:(e,t,n)=>T(e,t,n===`SURVIVOR`?r:i)}),o(y,{title:g(`moves`),moves:n.accountMergePreview.moves}),o(`label`,{class:`field`,children:[o(`span`,{children:g(`reason`)}),o(`textarea`,{rows:2,placeholder:g(`reasonHint`),value:D,maxLength:500,onInput:e=>O(e.target.value)})]}),j&&o(`p`,{class:`error`,role:`alert`,children:j}),o(`button`,{type:`submit`,class:`btn primary block`,disabled:k,children:g(`merge`)})]})}}):o(`p`,{class:`card notice`,children:g(`managersOnly`)})})]})}export{E as Merge};