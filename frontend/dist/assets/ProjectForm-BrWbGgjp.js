import{I as e,R as t,Z as n,a as r,d as i,h as a,o,q as s,s as c,z as l}from"./preload-helper-ClNRQj4J.js";import{t as u}from"./graphql-B9MLIZxW.js";import{F as d,L as f,V as p,_ as m,i as h}from"./index-AJerVlQO.js";import{t as g}from"./ChoiceChips-jg8N_Sxp.js";import{t as _}from"./FormStatus-gFBCXg6K.js";import{_ as v,a as y,n as b,v as x}from"./commercialLogic-ngkg8e1L.js";import{t as S}from"./projects.i18n-Csg-S2a1.js";/* empty css                   */l(),n();var C=u(`
  query ProjectFormData($id: ID!) {
    node(id: $id) {
      id
      ... on Customer {
        name
        needs(first: 50) {
          edges {
            node {
              id
              description
              status
            }
          }
        }
      }
    }
    users(first: 100, where: { roleIn: [REP, MANAGER, ADMIN] }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
    products(first: 100, where: { active: true }, orderBy: { field: CODE, direction: ASC }) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`),w=u(`
  query ProjectToEdit($id: ID!) {
    node(id: $id) {
      __typename
      ... on Project {
        id
        version
        kind
        title
        goal
        programme
        budget
        currency
        customer {
          id
        }
        ourLead {
          id
        }
        need {
          id
        }
        product {
          id
        }
      }
    }
  }
`),T=u(`
  mutation CreateProject($input: CreateProjectInput!, $cmid: String) {
    createProject(input: $input, clientMutationId: $cmid) {
      id
    }
  }
`),E=u(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      id
      version
    }
  }
`),D=[`needKind`,`needTitle`,`tooLong200`,`notAmount`,`currencyCode`],O=e=>D.includes(e)?S(e):e;function k({errors:e,k:t}){return e[t]?r(`span`,{class:`field-error cm-block`,id:`pj-${t}-err`,role:`alert`,children:O(e[t])}):null}var A=(e,t)=>({"aria-invalid":!!e[t],"aria-describedby":e[t]?`pj-${t}-err`:void 0});function j({id:n,pid:l}){let u=m(w,{id:l??``},{skip:!l,keep:!1}),D=u.data?.node?.__typename===`Project`?u.data.node:null,O=n??D?.customer.id??``,j=m(C,{id:O},{skip:!O}),[M]=e(()=>i()),[N,P]=e(()=>y()),[F,I]=e(null),[L,R]=e({}),[z,B]=e(``),[V,H]=e(!1),[U,W]=e(!1);t(()=>{if(!D||F?.version===D.version)return;let e={kind:D.kind,title:D.title,goal:D.goal??``,programme:D.programme??``,budget:D.budget==null?``:String(D.budget),currency:D.currency,ourLeadID:D.ourLead?.id??``,needID:D.need?.id??``,productID:D.product?.id??``};P(e),I({...e,version:D.version})},[D]);let G=j.data?.node&&`needs`in j.data.node?j.data.node:null,K=(G?.needs.edges??[]).flatMap(e=>e?.node?[e.node]:[]),q=(j.data?.users.edges??[]).flatMap(e=>e?.node?[e.node]:[]),J=(j.data?.products.edges??[]).flatMap(e=>e?.node?[e.node]:[]);function Y(e){P(t=>({...t,...e})),R(t=>{let n={...t};for(let t of Object.keys(e))delete n[t];return n})}async function X(e){if(e.preventDefault(),U)return;let t=v(N);if(R(t),B(Object.keys(t).length?S(`fixErrors`):``),!Object.keys(t).length){W(!0);try{if(l&&F)await a(E,{id:l,input:x(N,O,F)}),p(`/projects/${encodeURIComponent(l)}`,!0);else{let e=await a(T,{input:x(N,O),cmid:M});p(`/projects/${encodeURIComponent(e.createProject.id)}`,!0)}}catch(e){e instanceof c?B(S(`onlineOnly`)):e instanceof o&&e.code===`CONFLICT`?H(!0):e instanceof o&&e.code===`FORBIDDEN`?B(S(`forbidden`)):e instanceof o&&e.code===`BAD_USER_INPUT`&&typeof e.extensions.field==`string`&&e.extensions.field in N?(R({[e.extensions.field]:e.message}),B(S(`fixErrors`))):B(e?.message??String(e))}finally{W(!1)}}}async function Z(){H(!1),I(null),await u.refetch()}let Q=S(l?`editTitle`:`newTitle`),$=l?`/projects/${encodeURIComponent(l)}`:`/customers/${encodeURIComponent(O)}`,ee=G&&(!l||F);return r(s,{children:[r(h,{title:G?.name?`${Q} · ${G.name}`:Q,back:$}),r(`main`,{class:`content`,children:l&&u.data&&!D?r(d,{error:Error(S(`notFound`))}):ee?r(`form`,{onSubmit:X,noValidate:!0,children:[r(g,{legend:S(`kind`),values:b,enumName:`ProjectKind`,value:N.kind,onPick:e=>Y({kind:e})}),r(k,{errors:L,k:`kind`}),r(`label`,{class:`field`,children:[r(`span`,{children:S(`title`)}),r(`input`,{value:N.title,maxLength:200,autocomplete:`off`,onInput:e=>Y({title:e.currentTarget.value}),...A(L,`title`)})]}),r(k,{errors:L,k:`title`}),r(`label`,{class:`field`,children:[r(`span`,{children:S(`goal`)}),r(`textarea`,{rows:4,value:N.goal,onInput:e=>Y({goal:e.currentTarget.value}),...A(L,`goal`)})]}),r(k,{errors:L,k:`goal`}),r(`label`,{class:`field`,children:[r(`span`,{children:S(`programme`)}),r(`input`,{value:N.programme,maxLength:200,autocomplete:`off`,onInput:e=>Y({programme:e.currentTarget.value}),...A(L,`programme`)})]}),r(k,{errors:L,k:`programme`}),r(`div`,{class:`field-row`,children:[r(`div`,{style:{flex:2},children:[r(`label`,{class:`field`,children:[r(`span`,{children:S(`budget`)}),r(`input`,{type:`text`,inputMode:`decimal`,autocomplete:`off`,value:N.budget,onInput:e=>Y({budget:e.currentTarget.value}),...A(L,`budget`)})]}),r(k,{errors:L,k:`budget`})]}),r(`div`,{style:{flex:1},children:[r(`label`,{class:`field`,children:[r(`span`,{children:S(`currency`)}),r(`input`,{value:N.currency,maxLength:3,autocapitalize:`characters`,autocomplete:`off`,onInput:e=>Y({currency:e.currentTarget.value}),...A(L,`currency`)})]}),r(k,{errors:L,k:`currency`})]})]}),r(`label`,{class:`field`,children:[r(`span`,{children:S(`ourLead`)}),r(`select`,{value:N.ourLeadID,onChange:e=>Y({ourLeadID:e.currentTarget.value}),children:[r(`option`,{value:``,children:S(`noneChosen`)}),q.map(e=>r(`option`,{value:e.id,children:e.name},e.id))]})]}),r(`label`,{class:`field`,children:[r(`span`,{children:S(`need`)}),r(`select`,{value:N.needID,onChange:e=>Y({needID:e.currentTarget.value}),children:[r(`option`,{value:``,children:S(`noneChosen`)}),K.map(e=>r(`option`,{value:e.id,children:e.description.length>60?e.description.slice(0,60)+`…`:e.description},e.id))]})]}),r(`label`,{class:`field`,children:[r(`span`,{children:S(`product`)}),r(`select`,{value:N.productID,onChange:e=>Y({productID:e.currentTarget.value}),children:[r(`option`,{value:``,children:S(`noneChosen`)}),J.map(e=>r(`option`,{value:e.id,children:[e.code,` `,e.name]},e.id))]})]}),V&&r(`div`,{class:`error`,role:`alert`,children:[r(`p`,{children:S(`conflict`)}),r(`button`,{type:`button`,class:`btn`,onClick:()=>void Z(),children:S(`reload`)})]}),r(_,{err:z}),r(`button`,{type:`submit`,class:`btn primary block`,disabled:U,"aria-busy":U,children:S(U?`saving`:`save`)})]}):l&&!D?r(f,{q:u,children:()=>null}):r(f,{q:j,children:()=>null})})]})}export{j as ProjectForm};