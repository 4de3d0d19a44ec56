/** A small portfolio for `brief due`, `brief owners` and `brief report`: every case written out, dates worked by hand (today 2027-01-10). */
export const TODAY = '2027-01-10';

export const PAYMENTS = `---
program: payments
title: Payments v2
owner: "@maria"
status: on-track
target: 2027-02-01
teams:
  - id: core
    owner: "@li"
milestones:
  - id: design
    title: Design signed off
    owner: "@maria"
    due: 2027-01-05
    status: done
  - id: api
    title: API ready
    owner: "@li"
    due: 2027-01-08
  - id: cutover
    title: Production cutover
    owner: "@maria"
    due: 2027-01-20
    depends_on: [storage#cluster]
  - id: later
    title: Later work
    owner: "@li"
    due: 2027-03-01
risks:
  - id: vendor
    title: Vendor may slip
    owner: "@li"
    likelihood: high
    impact: medium
  - id: fraud
    title: Fraud spike
    owner: "@maria"
    likelihood: low
    impact: high
    mitigation: rate limits
decisions:
  - id: region
    title: Which region first
    owner: "@maria"
    status: proposed
  - id: lang
    title: Language
    owner: "@maria"
    status: decided
    date: 2027-01-02
---
# Payments v2

## Launch

- [ ] Write the runbook @li due:2027-01-12
- [x] Book the war room @maria due:2027-01-09
- [ ] Tell support @maria due:2027-01-07
- [ ] Plan the retro @maria due:2027-02-15
- [ ] Undated item @li
`;

export const STORAGE = `---
program: storage
title: Storage
owner: "@li"
target: 2027-01-31
milestones:
  - id: cluster
    title: Cluster live
    owner: "@li"
    due: 2027-01-25
    status: blocked
---
# Storage
`;

export const FILES = { 'programs/payments.md': PAYMENTS, 'programs/storage.md': STORAGE, 'notes/readme.md': '# Not a brief\n' };
