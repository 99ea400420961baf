/** A diagram of each kind a lesson may draw beyond the course's flowcharts, sequences and states, with their less common parts. */
export const KINDS = [
  'classDiagram\n  class Cache {\n    +get(key) String\n    -ttl int\n  }\n  Cache <|-- RedisCache\n  note for Cache "a note"',
  'erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  CUSTOMER {\n    string name\n    int id PK\n  }',
  'sequenceDiagram\n  autonumber\n  actor A\n  A->>B: hi\n  activate B\n  B-->>A: yo\n  deactivate B\n  Note over A,B: a note\n  loop every 1s\n    A-xB: ping\n  end\n  alt ok\n    B->>A: ok\n  else fail\n    B->>A: err\n  end',
  'stateDiagram-v2\n  [*] --> A\n  state A {\n    [*] --> B\n    B --> [*]\n  }\n  state fork <<fork>>\n  A --> fork\n  fork --> C\n  state choice <<choice>>\n  C --> choice\n  choice --> [*]\n  note right of C: a note',
  'flowchart LR\n  subgraph S [Group]\n    A([stadium]) --> B{rhombus}\n  end\n  B -.->|dotted| C[(store)]\n  C ==> D((circle))\n  D --o E>flag]\n  E --x F{{hexagon}}',
];
