// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a as p}from"./chunk-5LZEB72C.js";import{c as f,f as d}from"./chunk-BJMTROMW.js";import{e as i,f as c}from"./chunk-GGJC6YFC.js";var h=`
  number title url body state stateReason createdAt updatedAt closedAt authorAssociation
  author { __typename login }
  milestone { title }
  labels(first: 50) { nodes { name } }
  comments(first: 100) {
    pageInfo { hasNextPage endCursor }
    nodes { databaseId createdAt authorAssociation author { __typename login } }
  }
  timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT]) {
    pageInfo { hasNextPage endCursor }
    nodes {
      __typename
      ... on LabeledEvent { createdAt label { name } }
      ... on UnlabeledEvent { createdAt label { name } }
      ... on ClosedEvent { createdAt stateReason }
      ... on ReopenedEvent { createdAt }
    }
  }`,S=`query launchgateTriageSweep($owner: String!, $name: String!, $states: [IssueState!], $labels: [String!], $since: DateTime, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issues(first: 100, after: $cursor, states: $states, labels: $labels, filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${h} }
    }
  }
}`,w=`query launchgateIssueComments($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) {
      comments(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { databaseId createdAt authorAssociation author { __typename login } }
      }
    }
  }
}`,y={LabeledEvent:"labeled",UnlabeledEvent:"unlabeled",ClosedEvent:"closed",ReopenedEvent:"reopened"};function m(){return{issues:[],comments:[],events:[],moreComments:new Map,moreEvents:new Set,requests:0}}async function g(n,e,o){let s=m(),a=null;do{let t=await E(n,"sweeping issues",S,{owner:e.owner,name:e.repo,states:o.states??null,labels:o.labels??null,since:o.since??null,cursor:a});s.requests++;let r=t.repository?.issues;if(!r)throw new i("sweeping issues",void 0,`repository ${e.owner}/${e.repo} not found`);for(let u of r.nodes)u&&C(s,u,n.endpoints.apiUrl);a=r.pageInfo.hasNextPage?r.pageInfo.endCursor:null}while(a);return s}async function A(n,e,o,s){let a=o.moreComments.get(s)??null,t=0;for(;a;){let r=await E(n,`reading the comments of #${s}`,w,{owner:e.owner,name:e.repo,number:s,cursor:a});t++;let u=r.repository?.issue?.comments;if(!u)throw new i(`reading the comments of #${s}`,void 0,"issue not found");for(let l of u.nodes)l&&o.comments.push(b(l,s,e,n.endpoints.apiUrl));a=u.pageInfo.hasNextPage?u.pageInfo.endCursor:null}return o.moreComments.delete(s),o.requests+=t,t}function C(n,e,o){let s=e.url.replace(/\/issues\/\d+$/,""),[a="",t=""]=s.replace(/^https?:\/\/[^/]+\//,"").split("/");n.issues.push({number:e.number,title:e.title,state:e.state==="OPEN"?"open":"closed",state_reason:e.stateReason?.toLowerCase()??null,html_url:e.url,body:e.body,user:I(e.author),author_association:e.authorAssociation,labels:(e.labels?.nodes??[]).flatMap(r=>r?[r.name]:[]),milestone:e.milestone,created_at:e.createdAt,updated_at:e.updatedAt,closed_at:e.closedAt});for(let r of e.comments.nodes)r&&n.comments.push(b(r,e.number,{owner:a,repo:t},o));e.comments.pageInfo.hasNextPage&&e.comments.pageInfo.endCursor&&n.moreComments.set(e.number,e.comments.pageInfo.endCursor);for(let r of e.timelineItems.nodes){let u=r?y[r.__typename]:void 0;!r?.createdAt||!u||n.events.push({event:u,created_at:r.createdAt,..."label"in r?{label:{name:r.label.name}}:{},...r.__typename==="ClosedEvent"?{state_reason:r.stateReason?.toLowerCase()??null}:{},issue:{number:e.number}})}e.timelineItems.pageInfo.hasNextPage&&n.moreEvents.add(e.number)}function I(n){return n?n.__typename==="Bot"?{login:`${n.login}[bot]`,type:"Bot"}:{login:n.login,type:n.__typename}:null}function b(n,e,o,s){return{id:n.databaseId??0,issue_url:`${s}/repos/${o.owner}/${o.repo}/issues/${e}`,user:I(n.author),author_association:n.authorAssociation,created_at:n.createdAt}}async function E(n,e,o,s){return p(n,e,o,s)}async function x(n,e,o){let s=[];for(let a of o)s.push(await g(n,e,a));return _(s)}function _(n){let e=m(),o=new Set;for(let s of n){e.requests+=s.requests;let a=new Set(s.issues.filter(t=>!o.has(t.number)).map(t=>t.number));for(let t of s.issues)a.has(t.number)&&e.issues.push(t);for(let t of s.comments)a.has(d(t)??-1)&&e.comments.push(t);for(let t of s.events)t.issue&&a.has(t.issue.number)&&e.events.push(t);for(let[t,r]of s.moreComments)a.has(t)&&e.moreComments.set(t,r);for(let t of s.moreEvents)a.has(t)&&e.moreEvents.add(t);for(let t of a)o.add(t)}return e}async function T(n,e,o){for(let s of o.moreEvents){let a=await c(`listing the events of issue #${s}`,()=>n.octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/events",{...e,issue_number:s,per_page:100})),t=f.array().parse(a);o.events=o.events.filter(r=>r.issue?.number!==s);for(let r of t)o.events.push({...r,issue:{number:s}});o.requests++}o.moreEvents.clear()}export{A as a,x as b,T as c};
//# sourceMappingURL=chunk-LS62ESS5.js.map
