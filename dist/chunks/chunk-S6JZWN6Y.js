// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md
import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);
import{a as p}from"./chunk-5LZEB72C.js";import{c as f,f as g}from"./chunk-DFQ3BXDD.js";import{e as u,f as c}from"./chunk-GGJC6YFC.js";var E=`
  number title url body state stateReason createdAt updatedAt closedAt authorAssociation
  author { __typename login }
  milestone { title }
  labels(first: 50) { nodes { name } }
  comments(first: 100) {
    pageInfo { hasNextPage endCursor }
    nodes { databaseId createdAt authorAssociation author { __typename login } }
  }
  timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT]) {
    pageInfo { hasNextPage }
    nodes {
      __typename
      ... on LabeledEvent { createdAt label { name } }
      ... on UnlabeledEvent { createdAt label { name } }
      ... on ClosedEvent { createdAt stateReason }
      ... on ReopenedEvent { createdAt }
    }
  }`,y=`query launchgateTriageSweep($owner: String!, $name: String!, $states: [IssueState!], $labels: [String!], $since: DateTime, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issues(first: 100, after: $cursor, states: $states, labels: $labels, filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${E} }
    }
  }
}`,S=`query launchgateIssueComments($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) {
      comments(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { databaseId createdAt authorAssociation author { __typename login } }
      }
    }
  }
}`,C={LabeledEvent:"labeled",UnlabeledEvent:"unlabeled",ClosedEvent:"closed",ReopenedEvent:"reopened"};function l(){return{issues:[],comments:[],events:[],moreComments:new Map,moreEvents:new Set,requests:0}}async function d(t,e,o){let s=l(),a=null;do{let n=await h(t,"sweeping issues",y,{owner:e.owner,name:e.repo,states:o.states??null,labels:o.labels??null,since:o.since??null,cursor:a});s.requests++;let r=n.repository?.issues;if(!r)throw new u("sweeping issues",void 0,`repository ${e.owner}/${e.repo} not found`);for(let i of r.nodes)i&&_(s,i,t.endpoints.apiUrl);a=r.pageInfo.hasNextPage?r.pageInfo.endCursor:null}while(a);return s}async function $(t,e,o,s){let a=o.moreComments.get(s)??null,n=0;for(;a;){let r=await h(t,`reading the comments of #${s}`,S,{owner:e.owner,name:e.repo,number:s,cursor:a});n++;let i=r.repository?.issue?.comments;if(!i)throw new u(`reading the comments of #${s}`,void 0,"issue not found");for(let m of i.nodes)m&&o.comments.push(b(m,s,e,t.endpoints.apiUrl));a=i.pageInfo.hasNextPage?i.pageInfo.endCursor:null}return o.moreComments.delete(s),o.requests+=n,n}function _(t,e,o){let s=e.url.replace(/\/issues\/\d+$/,""),[a="",n=""]=s.replace(/^https?:\/\/[^/]+\//,"").split("/");t.issues.push({number:e.number,title:e.title,state:e.state==="OPEN"?"open":"closed",state_reason:e.stateReason?.toLowerCase()??null,html_url:e.url,body:e.body,user:I(e.author),author_association:e.authorAssociation,labels:(e.labels?.nodes??[]).flatMap(r=>r?[r.name]:[]),milestone:e.milestone,created_at:e.createdAt,updated_at:e.updatedAt,closed_at:e.closedAt});for(let r of e.comments.nodes)r&&t.comments.push(b(r,e.number,{owner:a,repo:n},o));e.comments.pageInfo.hasNextPage&&e.comments.pageInfo.endCursor&&t.moreComments.set(e.number,e.comments.pageInfo.endCursor);for(let r of e.timelineItems.nodes){let i=r?C[r.__typename]:void 0;!r?.createdAt||!i||t.events.push({event:i,created_at:r.createdAt,...r.label?{label:{name:r.label.name}}:{},...i==="closed"?{state_reason:r.stateReason?.toLowerCase()??null}:{},issue:{number:e.number}})}e.timelineItems.pageInfo.hasNextPage&&t.moreEvents.add(e.number)}function I(t){return t?t.__typename==="Bot"?{login:`${t.login}[bot]`,type:"Bot"}:{login:t.login,type:t.__typename}:null}function b(t,e,o,s){return{id:t.databaseId??0,issue_url:`${s}/repos/${o.owner}/${o.repo}/issues/${e}`,user:I(t.author),author_association:t.authorAssociation,created_at:t.createdAt}}async function h(t,e,o,s){return p(t,e,o,s)}async function G(t,e,o){let s=[];for(let a of o)s.push(await d(t,e,a));return A(s)}function A(t){let e=l(),o=new Set;for(let s of t){e.requests+=s.requests;let a=new Set(s.issues.filter(n=>!o.has(n.number)).map(n=>n.number));for(let n of s.issues)a.has(n.number)&&e.issues.push(n);e.comments.push(...s.comments.filter(n=>a.has(g(n)??-1))),e.events.push(...s.events.filter(n=>n.issue&&a.has(n.issue.number)));for(let[n,r]of s.moreComments)a.has(n)&&e.moreComments.set(n,r);for(let n of s.moreEvents)a.has(n)&&e.moreEvents.add(n);for(let n of a)o.add(n)}return e}async function x(t,e,o){for(let s of o.moreEvents){let a=await c(`listing the events of issue #${s}`,()=>t.octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/events",{...e,issue_number:s,per_page:100})),n=f.array().parse(a);o.events=o.events.filter(r=>r.issue?.number!==s);for(let r of n)o.events.push({...r,issue:{number:s}});o.requests++}o.moreEvents.clear()}export{$ as a,G as b,x as c};
//# sourceMappingURL=chunk-S6JZWN6Y.js.map
