import{t as e}from"./graphql-B9MLIZxW.js";import{C as t,D as n,Z as r,a as i,g as a,q as o}from"./preload-helper-ClNRQj4J.js";import{s}from"./merge.i18n-CiNuzUIg.js";function c(e){let t=(e??``).replace(/\D/g,``);for(let e of[`0086`,`86`])if(t.length>11&&t.startsWith(e)){t=t.slice(e.length);break}return t}var l=[[`mobile`,e=>c(e.mobile)],[`email`,e=>(e.email??``).trim().toLowerCase()],[`wechat`,e=>(e.wechat??``).trim().toLowerCase()],[`name`,e=>e.name.replace(/\s+/g,``).toLowerCase()]];function u(e){let t=[],n=new Set;for(let[r,i]of l)for(let a=0;a<e.length;a++){let o=i(e[a]);if(o)for(let s=a+1;s<e.length;s++){let c=e[a].id+`|`+e[s].id;n.has(c)||i(e[s])!==o||(n.add(c),t.push({keep:e[a],merge:e[s],reason:r}))}}return t}r();var d=e(`
  query AccountContacts($id: ID!) {
    node(id: $id) {
      ... on Customer {
        id
        name
        contacts(first: 100, orderBy: { field: CREATED_AT, direction: ASC }) {
          edges { node { id name title department phone mobile email wechat } }
        }
      }
    }
  }
`);function f(e){return(e?.node?.contacts?.edges??[]).map(e=>e?.node).filter(e=>!!e)}function p(e){return e===`REP`||e===`MANAGER`||e===`ADMIN`}function m({id:e,contacts:r}){let c=n(a);if(n(t),!p(c?.user.role)||r.length<2)return null;let l=u(r),d=`/customers/${e}/contacts/merge`;return i(`section`,{class:`card`,"aria-labelledby":`cdups-h`,children:[l.length>0&&i(o,{children:[i(`h2`,{id:`cdups-h`,children:s(`duplicates`)}),i(`div`,{class:`btn-row`,children:l.map(e=>i(`a`,{class:`btn`,href:`${d}?keep=${e.keep.id}&merge=${e.merge.id}`,children:s(`pair`,{a:e.keep.name,b:e.merge.name,why:s(e.reason)})},e.keep.id+e.merge.id))})]}),i(`a`,{class:`btn`,href:d,id:l.length?void 0:`cdups-h`,children:s(`open`)})]})}export{u as a,p as i,m as n,f as r,d as t};