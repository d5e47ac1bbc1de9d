// Generated from docs/openapi.json by `npm run generate:client` (openapi-typescript). Do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description The process is up and serving. Never touches a dependency.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness, each dependency on its own
         * @description Store, Docker, sandbox images and pool, Ollama, policies, blueprints and pipelines, each with `ok`, plus hints. 503 when the store, Docker or the images are missing; `degraded` (200) when only Ollama is.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The routes of this API
         * @description Every route as `METHOD /path`. The OpenAPI document has the details; /docs shows them.
         */
        get: operations["getIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API as an OpenAPI 3.1 document
         * @description Generated from the zod schemas the routes validate with; the typed client in src/client is generated from it.
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The token this request was made with
         * @description Its id, name and role: what the access rules know you as.
         */
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API tokens
         * @description Every token, oldest first, never a secret.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token
         * @description The secret is in this reply only; the service keeps its hash.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description It stops working at once; its record stays.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the audit trail
         * @description By type, project, agent, time range and outcome, oldest first (or newest with order=desc). A submitter gets the events of its own actions and about its own resources; viewers and admins get every event.
         */
        get: operations["queryAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the hash chain
         * @description Walks every event; names the first row that was edited or deleted.
         */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the policies in force
         * @description Each with its ETag and latest version; `problems` lists files on disk that are refused now (the last valid version stays in force).
         */
        get: operations["listPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One policy: text, ETag, version, the resolved policy
         * @description JSON by default; `format=yaml` returns the file’s text as it is. The ETag header is what If-Match wants.
         */
        get: operations["getPolicy"];
        /**
         * Create or replace a policy
         * @description Validated first (422 names every problem by path and line), then written atomically and versioned. Replace with If-Match: the ETag you read (412 when it changed since, 428 without); create with If-None-Match: * (409 when it exists).
         */
        put: operations["putPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{name}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of a policy
         * @description Oldest first, each with author, time, source (disk, api, restore) and a unified diff from the version before.
         */
        get: operations["getPolicyHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{name}/history/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a policy, with its text
         * @description The text as it was in force, who wrote it and when.
         */
        get: operations["getPolicyVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{name}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a policy text without saving it
         * @description A dry run of PUT: the same validation (YAML, schema, extends, and policies that extend this one), every problem with its path and, where the text has one, its line and column. Nothing is written or versioned.
         */
        post: operations["validatePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{name}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make an earlier version the one in force again
         * @description Validated like any edit, and a new version in the history. Needs If-Match with the current ETag (or *).
         */
        post: operations["restorePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a script against a policy
         * @description Static check only (tree-sitter ASTs); nothing runs. A block is audited (security_block) with the rule ids.
         */
        post: operations["checkSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tools
         * @description By name: your own, shared ones and the service’s (viewers and admins: every tool).
         */
        get: operations["listTools"];
        put?: never;
        /**
         * Submit a tool blueprint
         * @description JSON or YAML. With `source`: checked, probe-run on its examples and registered now (201). Without: the model writes it, checked and repaired from the findings, in a job (202). `shared=true` lets other submitters read and execute it.
         */
        post: operations["submitTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tools/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a new version of a tool
         * @description Like submitting a tool; its owner or an admin. The name comes from the URL.
         */
        post: operations["submitToolVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tools/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One tool and its versions
         * @description The latest version with its blueprint, and every version. 404 when there is none you may see.
         */
        get: operations["getTool"];
        put?: never;
        post?: never;
        /**
         * Destroy a tool
         * @description Its owner or an admin. Its versions and audit history stay.
         */
        delete: operations["destroyTool"];
        options?: never;
        head?: never;
        /**
         * Share a tool, or make it private again
         * @description Its owner or an admin. Shared: other submitters may read and execute it, never change or destroy it.
         */
        patch: operations["shareTool"];
        trace?: never;
    };
    "/api/v1/tools/{name}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version: source, check report, probe results
         * @description What was registered, and the evidence it passed on.
         */
        get: operations["getToolVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tools/{name}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a tool on an input
         * @description Checked again under the policy in force now (422 CODE_BLOCKED with the findings), then sandboxed. The run is yours; it also shows on the tool’s stream topic.
         */
        post: operations["executeTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agents
         * @description Oldest first: your own, shared ones and the service’s static agents (viewers and admins: every agent).
         */
        get: operations["listAgents"];
        put?: never;
        /**
         * Create an agent
         * @description From a blueprint, as a specialist the model designs for a task (validated by the same schema), or as a clone with modifications.
         */
        post: operations["createAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One agent
         * @description With its blueprint. 404 when there is none you may see.
         */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        /**
         * Destroy an agent
         * @description Its owner or an admin.
         */
        delete: operations["destroyAgent"];
        options?: never;
        head?: never;
        /**
         * Share an agent, or make it private again
         * @description Its owner or an admin. Shared: other submitters may read, run and clone it, never change or destroy it.
         */
        patch: operations["shareAgent"];
        trace?: never;
    };
    "/api/v1/agents/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give an agent a task
         * @description The agent converses under its system prompt and calls the tools you may use, each checked and sandboxed. Follow the run with GET or on the stream.
         */
        post: operations["runAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List jobs (tool generation)
         * @description Newest first: yours (viewers and admins: everyone’s), with status, result and every step.
         */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One job
         * @description Status, result, error, every step and the model tokens it used. 404 when there is none you may see.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List runs (tools, agents, executions)
         * @description Newest first: yours (viewers and admins: everyone’s), with status, result and every step.
         */
        get: operations["listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One run
         * @description Status, result, error, every step and the model tokens it used. 404 when there is none you may see.
         */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Model calls, tokens and cost
         * @description Of your jobs and runs (viewers and admins: every call).
         */
        get: operations["getUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/blueprints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The blueprints on disk
         * @description Validated at start: agents, then tools, by name (a tool is `registered` when you may see a tool of its name); `rejected` lists the invalid files and why.
         */
        get: operations["listBlueprints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a script once
         * @description Checked under the policy (422 CODE_BLOCKED with the findings), then run in the sandbox under its limits. By default the reply waits for the result (201); with wait=false it returns the run at once (202): follow it on the stream (run:<id>) or GET it.
         */
        post: operations["createExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One execution
         * @description Its input, status and result. Private to its caller (and viewers and admins): 404 otherwise.
         */
        get: operations["getExecution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/usage/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Model usage over time, by model and role
         * @description Calls, tokens, cost and time per hour or day (UTC), model and role, oldest first; of your jobs and runs (viewers and admins: every call). `from` is inclusive, `to` exclusive.
         */
        get: operations["getUsageSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Newest first: yours (viewers and admins: everyone’s), filtered by status and owner.
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * Start a project
         * @description Runs the task under `pipeline` (GET /api/v1/pipelines; its texts are recorded with the project; 422 PIPELINE_INVALID for a rejected file). The default, seed 004’s workflow: the coordinator plans the task (strategist), assigns sub-tasks to agents (delegator), runs them in parallel up to `config.maxConcurrentAgents`, reviews and iterates each to the quality threshold, aggregates, and closes. `config` overrides any of the service’s `coordinator.defaults` (README: project config keys). The run starts at once, or waits as pending past `coordinator.maxConcurrentProjects`. Follow it on the stream (`project:<id>`).
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One project
         * @description Status and phase, config, plan, sub-tasks (agent, iterations, score, every evaluation with its issues), the open approval (`waiting`), `paused`, usage against each budget, approvals decided, result, metrics. 404 when there is no project you may see (another submitter’s is 404 too).
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project’s journal
         * @description Every step (plan, assignments, agent runs, reviews, aggregation, status changes), approval decision and run mark, in order; with `calls=true` also each model reply and tool run inside a step. 404 when there is no project you may see (another submitter’s is 404 too).
         */
        get: operations["listProjectSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/steps/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One step, with its model replies and tool runs
         * @description Step keys contain `/` and `:` (e.g. `p1/task:t1/iter:1/execute:1.1`): send the key URL-encoded as one path segment (encodeURIComponent; the typed client does). 404 when there is no project you may see (another submitter’s is 404 too).
         */
        get: operations["getProjectStep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a project
         * @description Stops its model calls and sandboxes at once and destroys its temporary agents and tools. Idempotent: cancelling a cancelled project answers it again; a completed or failed one is 409 PROJECT_STATE_INVALID. Only the project’s owner or an admin (403 for anyone else who sees it; 404 for a submitter who does not).
         */
        post: operations["cancelProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide the open approval gate
         * @description Approve (`{"decision":"approve"}`), reject with a reason (`{"decision":"reject","reason":…}`: the strategist plans again with it, up to `maxReplans`, then the project fails with APPROVAL_REJECTED), or approve an edited plan (`{"decision":"approve","plan":{analysis,subTasks}}`, plan gate only: validated like a generated plan, 422 PLAN_INVALID with the issues). 409 PROJECT_STATE_INVALID when nothing waits (or it was decided). Only the project’s owner or an admin (403 for anyone else who sees it; 404 for a submitter who does not).
         */
        post: operations["decideProjectGate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused project
         * @description A project paused by an unavailable model or sandbox (or a setting to change) goes on from where it stopped; no finished step runs again. One paused by its budget needs PATCH budget instead (409 BUDGET_EXCEEDED). 409 PROJECT_STATE_INVALID when it is not paused. Only the project’s owner or an admin (403 for anyone else who sees it; 404 for a submitter who does not).
         */
        post: operations["resumeProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the budget
         * @description New limits for tokens, costUsd, wallMs and toolRuns (null: unlimited); the others stay. A project paused by its budget resumes by itself when the new limits allow. 409 PROJECT_STATE_INVALID once it has ended. Only the project’s owner or an admin (403 for anyone else who sees it; 404 for a submitter who does not).
         */
        patch: operations["changeProjectBudget"];
        trace?: never;
    };
    "/api/v1/projects/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project’s report
         * @description Status, error, pause, budget use, metrics (seed 004 §10.1), sub-tasks, approvals, failed steps, the timeline of status changes and runs, and `next`: what to do now. 404 when there is no project you may see (another submitter’s is 404 too).
         */
        get: operations["getProjectReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay the project from its journal
         * @description Runs the workflow again over the journal with no model, tools or agents, writing nothing: every step must come back from the journal, and a completed project’s result must be the same (`ok`). 500 JOURNAL_BROKEN when a row was changed. 404 when there is no project you may see (another submitter’s is 404 too).
         */
        post: operations["replayProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the journal’s hash chain
         * @description `ok` with the row count and head hash, or the first row that was changed or removed. 404 when there is no project you may see (another submitter’s is 404 too).
         */
        get: operations["verifyProjectJournal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pipelines on disk
         * @description Each pipeline that loaded (pattern, roles, the agents @mentions address, its example project), and `rejected`: the files that did not, with every problem’s file, path, line and column. A rejected file is never half-loaded.
         */
        get: operations["listPipelines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pipelines/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One pipeline with its texts
         * @description Its summary, the file’s text and the role files it uses. 422 PIPELINE_INVALID (with the issues) for a rejected file.
         */
        get: operations["getPipeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pipelines/reload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the pipeline directory again
         * @description New projects use the files as they are now; running projects keep the texts they recorded at creation.
         */
        post: operations["reloadPipelines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pipeline texts a project runs under
         * @description Recorded when the project was created: a later edit of the file changes nothing for it. 404 when there is no project you may see (another submitter’s is 404 too).
         */
        get: operations["getProjectPipeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project’s conversation
         * @description Short-term memory in journal order: people’s messages and answers, each agent’s turn, handoffs, routing and the speakers a selector chose. 404 when there is no project you may see (another submitter’s is 404 too).
         */
        get: operations["listProjectMessages"];
        put?: never;
        /**
         * Talk to a project
         * @description At an open gate that takes messages (`waiting.accepts` has `message`: the planner’s conversation, a CEO’s escalation) the message is its answer (`delivered: gate`); otherwise it goes to the project’s inbox, read at the next turn: `@name` addresses that agent, `@all` every agent, no mention is routed to the most similar agent. 400 for an unknown @name; 409 PROJECT_STATE_INVALID once the project has ended. Only the owner or an admin (403 for others who see it; 404 for a submitter who does not).
         */
        post: operations["sendProjectMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List knowledge items
         * @description Newest first. Private to its owner: a submitter reaches only its own (another’s is 404); admins and viewers may name an `owner`.
         */
        get: operations["listKnowledge"];
        put?: never;
        /**
         * Add a knowledge item
         * @description Embedded with the embedding model (`embedded: false` when the model server is away: it is embedded at the next search). 409 MEMORY_LIMIT past coordinator.memory.knowledge.maxItems. Private to its owner: a submitter reaches only its own (another’s is 404); admins and viewers may name an `owner`.
         */
        post: operations["addKnowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the knowledge base
         * @description The items most similar to `q` by embedding (cosine), best first. 503 when the model server is away. Private to its owner: a submitter reaches only its own (another’s is 404); admins and viewers may name an `owner`.
         */
        get: operations["searchKnowledge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One knowledge item
         * @description Private to its owner: a submitter reaches only its own (another’s is 404); admins and viewers may name an `owner`.
         */
        get: operations["getKnowledge"];
        put?: never;
        post?: never;
        /**
         * Delete a knowledge item
         * @description Your own (an admin may name an `owner`). 404 when there is no such item of yours.
         */
        delete: operations["deleteKnowledge"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/remember": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save a completed project’s result as knowledge
         * @description Into its owner’s knowledge base (idempotent: the same item again). 409 PROJECT_STATE_INVALID unless completed. Only the owner or an admin (403 for others who see it; 404 for a submitter who does not).
         */
        post: operations["rememberProjectResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/episodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List episodes
         * @description Finished projects (task, plan, outcome, scores), newest first; kept per coordinator.memory.episodes. Private to its owner: a submitter reaches only its own (another’s is 404); admins and viewers may name an `owner`.
         */
        get: operations["listEpisodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/episodes/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search episodes
         * @description Finished projects whose task is most similar to `q`: how similar work went before. Private to its owner: a submitter reaches only its own (another’s is 404); admins and viewers may name an `owner`.
         */
        get: operations["searchEpisodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress events over WebSocket
         * @description Upgrade to a WebSocket with the bearer token on the upgrade; browsers, which cannot set headers there, offer the subprotocols `agent-factory.v1` and `agent-factory.bearer.<token>` (the server answers `agent-factory.v1`), or send `?access_token=` (redacted from logs). Send `{"type":"subscribe","topics":[…],"lastEventId":N}` with topics `job:<id>`, `run:<id>`, `agent:<id>`, `tool:<name>`, `project:<id>`, `jobs`, `runs`, `agents`, `tools`, `projects` or `*`; receive `{"type":"event","id":N,"topic":…,"event": {project,task,agent,status,progress,message,metadata,timestamp}}`, numbered and persisted: reconnect with the last id to get what you missed. A topic you may not see (or that does not exist) is refused with RESOURCE_NOT_FOUND; kind subscriptions carry the events of your own actions and about your own resources (all, for viewers and admins). A client that reads too slowly gets `{"type":"resync"}` and is disconnected (4008).
         */
        get: operations["openStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A tool blueprint (seed 004 §2.3) */
        ToolBlueprintInput: {
            name: string;
            description: string;
            /** @enum {string} */
            language: "python" | "shell" | "javascript";
            purpose: string;
            /** @default [] */
            inputSpec?: {
                name: string;
                /** @enum {string} */
                type: "string" | "int" | "float" | "bool" | "list" | "dict" | "path";
                description?: string;
                /** @default true */
                required?: boolean;
                default?: unknown;
            }[];
            outputSpec: {
                /** @enum {string} */
                format: "json" | "text" | "csv";
                schema?: {
                    [key: string]: string;
                };
                description?: string;
            };
            /** @default [] */
            constraints?: string[];
            /** @default [] */
            dependencies?: string[];
            /** @default default */
            policy?: string;
            source?: string;
            /** @default [] */
            examples?: {
                name: string;
                description?: string;
                /** @default {} */
                input?: {
                    [key: string]: unknown;
                };
                /** @default {} */
                expect?: {
                    /**
                     * @default ok
                     * @enum {string}
                     */
                    status?: "ok" | "failed";
                    json?: unknown;
                    jsonSubset?: unknown;
                    stdoutContains?: string[];
                    keys?: string[];
                };
            }[];
            ttlSeconds?: number;
            env?: {
                [key: string]: string;
            };
            sampleData?: string;
            model?: string;
        };
        /** @description An agent blueprint (seed 004 §2.4) */
        AgentBlueprintInput: {
            name: string;
            /** @enum {string} */
            type: "research" | "development" | "analysis" | "content" | "review" | "security" | "specialist";
            description: string;
            systemPrompt: string;
            /** @default [] */
            domainKnowledge?: {
                category: string;
                content: string;
                source: string;
                reliability: number;
            }[];
            /** @default [] */
            skills?: {
                name: string;
                description: string;
                /** @enum {string} */
                level?: "basic" | "intermediate" | "advanced" | "expert";
            }[];
            /** @default [] */
            tools?: string[];
            /** @default [] */
            constraints?: string[];
            outputFormat: {
                /** @enum {string} */
                format: "json" | "text" | "csv" | "markdown";
                schema?: {
                    [key: string]: string;
                };
                description?: string;
            };
            model?: string;
            /** @default default */
            policy?: string;
            ttlSeconds?: number;
            /**
             * @default auto
             * @enum {string}
             */
            toolUse?: "auto" | "required";
            maxTurns?: number;
            /** @default false */
            persistentSandbox?: boolean;
        };
        /** @description A catalog error (docs/errors.md) as the project stores it */
        ProjectError: {
            code: string;
            message: string;
            retryable?: boolean;
            details?: unknown;
        };
        ProjectUsage: {
            promptTokens: number;
            completionTokens: number;
            costUsd: number;
            llmCalls: number;
            toolRuns: number;
            steps: number;
            /** @description running time summed over runs (waiting and paused excluded) */
            wallMs: number;
            /** @description model calls whose token counts are estimates (Ollama reported none, or the call failed) */
            estimatedCalls: number;
        };
        /** @description Each budget: its limit, what is used and what remains */
        ProjectBudgetUse: {
            tokens: {
                /** @description null: unlimited */
                limit: number | null;
                used: number;
                remaining: number | null;
                /** @description used / limit */
                fraction: number | null;
            };
            costUsd: {
                /** @description null: unlimited */
                limit: number | null;
                used: number;
                remaining: number | null;
                /** @description used / limit */
                fraction: number | null;
            };
            wallMs: {
                /** @description null: unlimited */
                limit: number | null;
                used: number;
                remaining: number | null;
                /** @description used / limit */
                fraction: number | null;
            };
            toolRuns: {
                /** @description null: unlimited */
                limit: number | null;
                used: number;
                remaining: number | null;
                /** @description used / limit */
                fraction: number | null;
            };
        };
        /** @description The strategist’s analysis and sub-tasks (or the approved edited plan) */
        ProjectPlan: {
            version: number;
            analysis: string;
            subTasks: {
                id: string;
                description: string;
                /** @enum {string} */
                type: "research" | "development" | "analysis" | "content" | "review" | "security" | "specialist";
                requiredSkills: string[];
                inputFrom: string[];
                priority: number;
                acceptanceCriteria: string[];
                /** @default [] */
                tools: string[];
            }[];
        };
        /** @description A pipeline’s plan (its pattern’s own shape) */
        PipelinePlan: {
            /** @description the pattern that planned it, e.g. company (goals, non-goals, phases) */
            kind: string;
        } & {
            [key: string]: unknown;
        };
        /** @description An entry of a pipeline project’s decisions log: who decided what, and why */
        ProjectDecision: {
            at: string;
            agent: string;
            decision: string;
            reason: string;
            phase?: string;
        };
        /** @description Seed 004 §10.1, computed from the journal when the project ends */
        ProjectMetrics: {
            totalMs: number | null;
            runningMs: number;
            planningMs: number;
            executionMs: number;
            reviewMs: number;
            totalTasks: number;
            completedTasks: number;
            failedTasks: number;
            retriedTasks: number;
            flaggedTasks: number;
            staticAgentsUsed: number;
            dynamicAgentsCreated: number;
            agentInvocations: number;
            toolsGenerated: number;
            toolExecutions: number;
            averageQualityScore: number | null;
            totalIterations: number;
            firstPassRate: number | null;
            steps: number;
            llmCalls: number;
            promptTokens: number;
            completionTokens: number;
            totalTokens: number;
            /** @description calls whose tokens are estimates (Ollama reported no counts, or the call failed) */
            estimatedTokenCalls: number;
            costUsd: number;
        };
        ProjectSummary: {
            id: string;
            name: string;
            /** @description the token id that created it */
            owner: string;
            task: string;
            pipeline: string;
            /** @enum {string} */
            status: "pending" | "planning" | "executing" | "reviewing" | "waiting_for_approval" | "paused" | "completed" | "failed" | "cancelled";
            /**
             * @description the last running phase: a wait or a pause returns to it
             * @enum {string}
             */
            phase: "pending" | "planning" | "executing" | "reviewing";
            error: components["schemas"]["ProjectError"] | null;
            /** @description the open approval gate */
            waiting: {
                /** @description seed 004: plan, aggregation; pipelines: e.g. planner (a conversation), escalation */
                gate: string;
                /** @description the answers it takes (absent: approve and reject); message: POST /projects/{id}/messages */
                accepts?: ("approve" | "reject" | "message")[];
                /** @description the how-many-th time the workflow reached this gate */
                round: number;
                /** @description what is to be approved: the plan, or the results about to be aggregated */
                subject: unknown;
                openedAt: string;
            } | null;
            paused: {
                /** @enum {string} */
                reason: "budget" | "llm" | "sandbox" | "shutdown" | "requested" | "error";
                error: components["schemas"]["ProjectError"];
                at: string;
            } | null;
            usage: components["schemas"]["ProjectUsage"];
            budget: components["schemas"]["ProjectBudgetUse"];
            runs: number;
            cancelRequested: boolean;
            /** @description a run of it is active (or queued) in this service process */
            running: boolean;
            createdAt: string;
            updatedAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        ProjectTask: {
            id: string;
            description: string;
            type: string;
            inputFrom: string[];
            /** @enum {string} */
            status: "pending" | "assigned" | "running" | "accepted" | "flagged" | "failed";
            agent: {
                id: string;
                name: string;
                created: boolean;
            } | null;
            iterations: number;
            score: number | null;
            evaluations: {
                iteration: number;
                stage: string;
                /** @enum {string} */
                kind: "self" | "peer" | "cross" | "specialized" | "coordinator";
                reviewer: string;
                /** @description null: the reviewer gave no valid review */
                score: number | null;
                accepted: boolean;
                issues: {
                    /** @enum {string} */
                    severity: "critical" | "major" | "minor" | "info";
                    category: string;
                    description: string;
                    location: string;
                    suggestion: string;
                }[];
            }[];
            error: {
                code: string;
                message: string;
            } | null;
        };
        Project: {
            id: string;
            name: string;
            /** @description the token id that created it */
            owner: string;
            task: string;
            pipeline: string;
            /** @enum {string} */
            status: "pending" | "planning" | "executing" | "reviewing" | "waiting_for_approval" | "paused" | "completed" | "failed" | "cancelled";
            /**
             * @description the last running phase: a wait or a pause returns to it
             * @enum {string}
             */
            phase: "pending" | "planning" | "executing" | "reviewing";
            error: components["schemas"]["ProjectError"] | null;
            /** @description the open approval gate */
            waiting: {
                /** @description seed 004: plan, aggregation; pipelines: e.g. planner (a conversation), escalation */
                gate: string;
                /** @description the answers it takes (absent: approve and reject); message: POST /projects/{id}/messages */
                accepts?: ("approve" | "reject" | "message")[];
                /** @description the how-many-th time the workflow reached this gate */
                round: number;
                /** @description what is to be approved: the plan, or the results about to be aggregated */
                subject: unknown;
                openedAt: string;
            } | null;
            paused: {
                /** @enum {string} */
                reason: "budget" | "llm" | "sandbox" | "shutdown" | "requested" | "error";
                error: components["schemas"]["ProjectError"];
                at: string;
            } | null;
            usage: components["schemas"]["ProjectUsage"];
            budget: components["schemas"]["ProjectBudgetUse"];
            runs: number;
            cancelRequested: boolean;
            /** @description a run of it is active (or queued) in this service process */
            running: boolean;
            createdAt: string;
            updatedAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            /** @description the project’s settings: the service defaults with its config applied */
            config: {
                /** @default 4 */
                maxConcurrentAgents: number;
                /** @default 3 */
                maxIterations: number;
                /** @default 0.8 */
                qualityThreshold: number;
                /** @default 21600000 */
                timeoutMs: number;
                /** @default true */
                dynamicAgents: boolean;
                /** @default false */
                toolGeneration: boolean;
                approvals: {
                    /** @default false */
                    plan: boolean;
                    /** @default false */
                    aggregation: boolean;
                };
                budget: {
                    /** @default 500000 */
                    tokens: number | null;
                    /** @default null */
                    costUsd: number | null;
                    /** @default 3600000 */
                    wallMs: number | null;
                    /** @default 100 */
                    toolRuns: number | null;
                };
                /**
                 * @default pause
                 * @enum {string}
                 */
                onBudgetExceeded: "pause" | "fail";
                reviewChain: {
                    name: string;
                    /** @enum {string} */
                    kind: "self" | "peer" | "cross" | "specialized" | "coordinator";
                    /** @default false */
                    mustPass: boolean;
                    /** @default true */
                    canImprove: boolean;
                    reviewer?: string;
                    /** @default [] */
                    criteria: string[];
                }[];
                /**
                 * @default accept-best-and-flag
                 * @enum {string}
                 */
                onIterationsExhausted: "accept-best-and-flag" | "fail" | "replan";
                /** @default 20 */
                maxTasks: number;
                /** @default 2000 */
                maxSteps: number;
                /** @default 1 */
                maxReplans: number;
                /** @default 2 */
                workerRetries: number;
                /** @default 3 */
                maxRepeatedToolCalls: number;
                /** @default 4096 */
                maxCompletionTokens: number;
                /** @default {} */
                models: {
                    [key: string]: string;
                };
            };
            plan: (components["schemas"]["ProjectPlan"] | components["schemas"]["PipelinePlan"]) | null;
            tasks: components["schemas"]["ProjectTask"][];
            approvals: {
                gate: string;
                round: number;
                /** @enum {string} */
                decision: "approve" | "reject" | "message";
                reason?: string;
                /** @description the answer at a gate that takes messages */
                message?: string;
                /** @description the edited plan that was approved */
                plan?: unknown;
                /** @description who decided (token id) */
                by: string;
                at: string;
            }[];
            /** @description the aggregated result once completed */
            result: unknown;
            metrics: components["schemas"]["ProjectMetrics"] | null;
            journal: {
                length: number;
                /** @description hash of the last journal row */
                head: string;
            };
            /** @description pipelines: the decisions log */
            decisions: components["schemas"]["ProjectDecision"][];
            /** @description pipelines: the issues the project accepted and goes on with */
            knownIssues: unknown[];
        };
        ProjectStep: {
            seq: number;
            /** @description e.g. plan:1, p1/task:t3/iter:2/execute:1.1; model replies and tool runs inside a step: <step>#llm:<n> */
            key: string;
            /** @enum {string} */
            kind: "step" | "llm" | "tool" | "signal" | "mark";
            ok: boolean;
            at: string;
            meta: {
                [key: string]: unknown;
            };
            /** @description the step’s result, or its error */
            data: unknown;
        };
        ProjectStepDetail: {
            seq: number;
            /** @description e.g. plan:1, p1/task:t3/iter:2/execute:1.1; model replies and tool runs inside a step: <step>#llm:<n> */
            key: string;
            /** @enum {string} */
            kind: "step" | "llm" | "tool" | "signal" | "mark";
            ok: boolean;
            at: string;
            meta: {
                [key: string]: unknown;
            };
            /** @description the step’s result, or its error */
            data: unknown;
            calls: components["schemas"]["ProjectStep"][];
        };
        ProjectReport: {
            id: string;
            name: string;
            task: string;
            /** @enum {string} */
            status: "pending" | "planning" | "executing" | "reviewing" | "waiting_for_approval" | "paused" | "completed" | "failed" | "cancelled";
            error: components["schemas"]["ProjectError"] | null;
            paused: {
                /** @enum {string} */
                reason: "budget" | "llm" | "sandbox" | "shutdown" | "requested" | "error";
                error: components["schemas"]["ProjectError"];
                at: string;
            } | null;
            waiting: {
                /** @description seed 004: plan, aggregation; pipelines: e.g. planner (a conversation), escalation */
                gate: string;
                /** @description the answers it takes (absent: approve and reject); message: POST /projects/{id}/messages */
                accepts?: ("approve" | "reject" | "message")[];
                /** @description the how-many-th time the workflow reached this gate */
                round: number;
                /** @description what is to be approved: the plan, or the results about to be aggregated */
                subject: unknown;
                openedAt: string;
            } | null;
            budget: components["schemas"]["ProjectBudgetUse"];
            usage: components["schemas"]["ProjectUsage"];
            metrics: components["schemas"]["ProjectMetrics"] | null;
            result: unknown;
            tasks: {
                id: string;
                description: string;
                type: string;
                inputFrom: string[];
                /** @enum {string} */
                status: "pending" | "assigned" | "running" | "accepted" | "flagged" | "failed";
                agent: {
                    id: string;
                    name: string;
                    created: boolean;
                } | null;
                iterations: number;
                score: number | null;
                error: {
                    code: string;
                    message: string;
                } | null;
                reviews: number;
            }[];
            approvals: {
                gate: string;
                round: number;
                /** @enum {string} */
                decision: "approve" | "reject" | "message";
                reason?: string;
                /** @description the answer at a gate that takes messages */
                message?: string;
                /** @description the edited plan that was approved */
                plan?: unknown;
                /** @description who decided (token id) */
                by: string;
                at: string;
            }[];
            failures: {
                key: string;
                at: string;
                error: unknown;
            }[];
            timeline: {
                at: string;
                key: string;
                kind: string;
                data: unknown;
            }[];
            /** @description what to do now */
            next: string;
        };
        ProjectReplay: {
            project: string;
            /** @description every journaled step came back and a completed project’s result is the same */
            ok: boolean;
            steps: number;
            /** @description journaled model replies and tool runs */
            calls: number;
            /** @description journaled steps the replay never asked for */
            unvisited: string[];
            resultMatches: boolean | null;
            /** @description an open approval gate, or the project’s own failure */
            stoppedAt: string | null;
            error: components["schemas"]["ProjectError"] | null;
            durationMs: number;
            stepsPerSecond: number;
        };
        ProjectJournalVerdict: {
            /** @constant */
            ok: true;
            count: number;
            head: string;
        } | {
            /** @constant */
            ok: false;
            count: number;
            brokenAt: number;
            key: string;
            reason: string;
        };
        PipelineIssue: {
            /** @description the file the problem is in: the pipeline or one of its role files (roles/<name>.yaml) */
            file: string;
            /** @description dotted path in the document; (root) for the whole document */
            path: string;
            message: string;
            /** @description 1-based */
            line?: number;
            /** @description 1-based */
            column?: number;
        };
        /** @description A pipeline file that did not load (none of it is used), with every problem */
        RejectedPipeline: {
            file: string;
            issues: components["schemas"]["PipelineIssue"][];
        };
        Pipeline: {
            name: string;
            /** @description seed004, sequential, concurrent, group-chat, handoff, magentic or company */
            pattern: string;
            description: string;
            /** @description sha256 of its texts (the file and its role files) */
            digest: string;
            file: string;
            roles: {
                /** @description the role key; @name addresses it */
                name: string;
                /** @description the agent blueprint’s name */
                agent: string;
                description: string;
                model: string | null;
                tools: string[];
                /** @description its output is validated against a JSON schema */
                output: boolean;
                /** @description its output is saved into the owner’s knowledge base when the project completes */
                remember: boolean;
            }[];
            /** @description the agents @mentions address */
            agents: string[];
            /** @description a small project that shows the pipeline (README) */
            example: {
                task: string;
                messages: string[];
                config?: {
                    maxConcurrentAgents?: number;
                    maxIterations?: number;
                    qualityThreshold?: number;
                    timeoutMs?: number;
                    dynamicAgents?: boolean;
                    toolGeneration?: boolean;
                    approvals?: {
                        plan?: boolean;
                        aggregation?: boolean;
                    };
                    budget?: {
                        tokens?: number | null;
                        costUsd?: number | null;
                        wallMs?: number | null;
                        toolRuns?: number | null;
                    };
                    /** @enum {string} */
                    onBudgetExceeded?: "pause" | "fail";
                    reviewChain?: {
                        name: string;
                        /** @enum {string} */
                        kind: "self" | "peer" | "cross" | "specialized" | "coordinator";
                        /** @default false */
                        mustPass: boolean;
                        /** @default true */
                        canImprove: boolean;
                        reviewer?: string;
                        /** @default [] */
                        criteria: string[];
                    }[];
                    /** @enum {string} */
                    onIterationsExhausted?: "accept-best-and-flag" | "fail" | "replan";
                    maxTasks?: number;
                    maxSteps?: number;
                    maxReplans?: number;
                    workerRetries?: number;
                    maxRepeatedToolCalls?: number;
                    maxCompletionTokens?: number;
                    models?: {
                        [key: string]: string;
                    };
                };
            } | null;
        };
        PipelineDetail: {
            name: string;
            /** @description seed004, sequential, concurrent, group-chat, handoff, magentic or company */
            pattern: string;
            description: string;
            /** @description sha256 of its texts (the file and its role files) */
            digest: string;
            file: string;
            roles: {
                /** @description the role key; @name addresses it */
                name: string;
                /** @description the agent blueprint’s name */
                agent: string;
                description: string;
                model: string | null;
                tools: string[];
                /** @description its output is validated against a JSON schema */
                output: boolean;
                /** @description its output is saved into the owner’s knowledge base when the project completes */
                remember: boolean;
            }[];
            /** @description the agents @mentions address */
            agents: string[];
            /** @description a small project that shows the pipeline (README) */
            example: {
                task: string;
                messages: string[];
                config?: {
                    maxConcurrentAgents?: number;
                    maxIterations?: number;
                    qualityThreshold?: number;
                    timeoutMs?: number;
                    dynamicAgents?: boolean;
                    toolGeneration?: boolean;
                    approvals?: {
                        plan?: boolean;
                        aggregation?: boolean;
                    };
                    budget?: {
                        tokens?: number | null;
                        costUsd?: number | null;
                        wallMs?: number | null;
                        toolRuns?: number | null;
                    };
                    /** @enum {string} */
                    onBudgetExceeded?: "pause" | "fail";
                    reviewChain?: {
                        name: string;
                        /** @enum {string} */
                        kind: "self" | "peer" | "cross" | "specialized" | "coordinator";
                        /** @default false */
                        mustPass: boolean;
                        /** @default true */
                        canImprove: boolean;
                        reviewer?: string;
                        /** @default [] */
                        criteria: string[];
                    }[];
                    /** @enum {string} */
                    onIterationsExhausted?: "accept-best-and-flag" | "fail" | "replan";
                    maxTasks?: number;
                    maxSteps?: number;
                    maxReplans?: number;
                    workerRetries?: number;
                    maxRepeatedToolCalls?: number;
                    maxCompletionTokens?: number;
                    models?: {
                        [key: string]: string;
                    };
                };
            } | null;
            /** @description the pipeline file as it was read */
            text: string;
            /** @description role files it uses (roles/<name>.yaml), by name */
            roleFiles: {
                [key: string]: string;
            };
        };
        /** @description The texts the project recorded at its creation (or a code workflow’s name) */
        ProjectPipeline: components["schemas"]["PipelineDetail"] | {
            name: string;
            /** @constant */
            pattern: "code";
        };
        ProjectMessage: {
            id: string;
            project: string;
            text: string;
            by: string;
            at: string;
            /** @description the @names in the text, or all for @all */
            mentions: string[] | "all";
            /**
             * @description gate: it answered the open gate (the planner’s conversation, an escalation); inbox: read at the next turn
             * @enum {string}
             */
            delivered: "gate" | "inbox";
            /** @description the agents it addresses; routed: the router picks one */
            to: string[] | "routed";
        };
        ConversationLine: {
            seq: number;
            at: string;
            /** @enum {string} */
            kind: "message" | "answer" | "decision" | "agent" | "transfer" | "routed" | "selected";
            /** @description human:<token id>, an agent, router or selector */
            from: string;
            to: string[] | null;
            text: string;
        };
        KnowledgeItem: {
            id: string;
            owner: string;
            /** @description the project whose result it was saved from */
            project: string | null;
            title: string;
            content: string;
            tags: string[];
            /** @description user, or project:<id> for a saved result */
            source: string;
            /** @description the embedding model of its vector (null: not embedded yet) */
            model: string | null;
            createdAt: string;
            expiresAt: string | null;
        };
        SavedKnowledgeItem: {
            id: string;
            owner: string;
            /** @description the project whose result it was saved from */
            project: string | null;
            title: string;
            content: string;
            tags: string[];
            /** @description user, or project:<id> for a saved result */
            source: string;
            /** @description the embedding model of its vector (null: not embedded yet) */
            model: string | null;
            createdAt: string;
            expiresAt: string | null;
            /** @description false: the model server was away; it is embedded at the next search */
            embedded: boolean;
        };
        /** @description A finished project: task, plan, outcome, scores */
        Episode: {
            project: string;
            owner: string;
            pipeline: string;
            task: string;
            plan: unknown;
            status: string;
            outcome: {
                summary: string;
                error: {
                    code: string;
                    message: string;
                } | null;
                flagged: boolean;
            };
            scores: {
                quality: number | null;
                firstPassRate: number | null;
                tasks: number;
                failedTasks: number;
                tokens: number;
                durationMs: number | null;
            };
            model: string | null;
            createdAt: string;
            expiresAt: string | null;
        };
        /** @description An error from the catalog (docs/errors.md) */
        Error: {
            error: {
                /** @enum {string} */
                code: "CONFIG_INVALID" | "CONFIG_FILE_UNREADABLE" | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "BODY_MALFORMED" | "BODY_TOO_LARGE" | "MEDIA_TYPE_UNSUPPORTED" | "VALIDATION_FAILED" | "RESOURCE_NOT_FOUND" | "CONFLICT" | "PRECONDITION_REQUIRED" | "PRECONDITION_FAILED" | "AUTH_MISSING" | "AUTH_INVALID" | "FORBIDDEN" | "SHUTTING_DOWN" | "STORE_UNAVAILABLE" | "STORE_BUSY" | "STORE_CORRUPT" | "DOCKER_UNAVAILABLE" | "OLLAMA_UNAVAILABLE" | "OLLAMA_MODEL_MISSING" | "LLM_OUTPUT_INVALID" | "LLM_TIMEOUT" | "LLM_INCOMPLETE" | "LLM_TRUNCATED" | "LLM_CONTEXT_OVERFLOW" | "LLM_SCHEMA_REFUSED" | "LLM_MODEL_UNSUPPORTED" | "LLM_TOOL_CALL_INVALID" | "OLLAMA_OUT_OF_MEMORY" | "LLM_FAILED" | "INTERNAL" | "AUDIT_CHAIN_BROKEN" | "POLICY_INVALID" | "POLICY_NOT_FOUND" | "POLICY_NAME_INVALID" | "LANGUAGE_UNSUPPORTED" | "SOURCE_UNPARSEABLE" | "SANDBOX_IMAGE_MISSING" | "SANDBOX_FAILED" | "NETWORK_NOT_SUPPORTED" | "LIMIT_NOT_TIGHTER" | "INPUT_INVALID" | "BLUEPRINT_INVALID" | "TOOL_GENERATION_FAILED" | "PROBE_FAILED" | "TOPIC_FORBIDDEN" | "CODE_BLOCKED" | "PROJECT_STATE_INVALID" | "PROJECT_BUSY" | "PLAN_INVALID" | "BUDGET_EXCEEDED" | "PROJECT_TIMEOUT" | "STEP_LIMIT_EXCEEDED" | "AGENT_LOOP" | "AGENT_NO_ANSWER" | "TASK_FAILED" | "TASK_UNASSIGNABLE" | "APPROVAL_REJECTED" | "PROJECT_CANCELLED" | "JOURNAL_BROKEN" | "REPLAY_DIVERGED" | "PIPELINE_INVALID" | "ROLE_INPUT_INVALID" | "HANDOFF_LOOP" | "PIPELINE_STALLED" | "PIPELINE_LIMIT" | "PHASE_FAILED" | "MEMORY_LIMIT";
                message: string;
                retryable: boolean;
                hint?: string;
                /** @description what went wrong where: issues with paths, findings, ... */
                details?: unknown;
                /** @description this request’s id (the X-Request-Id header): quote it when reporting a problem */
                requestId: string;
            };
        };
        /** @description A tool blueprint (seed 004 §2.3) */
        ToolBlueprint: {
            name: string;
            description: string;
            /** @enum {string} */
            language: "python" | "shell" | "javascript";
            purpose: string;
            /** @default [] */
            inputSpec: {
                name: string;
                /** @enum {string} */
                type: "string" | "int" | "float" | "bool" | "list" | "dict" | "path";
                description?: string;
                /** @default true */
                required: boolean;
                default?: unknown;
            }[];
            outputSpec: {
                /** @enum {string} */
                format: "json" | "text" | "csv";
                schema?: {
                    [key: string]: string;
                };
                description?: string;
            };
            /** @default [] */
            constraints: string[];
            /** @default [] */
            dependencies: string[];
            /** @default default */
            policy: string;
            source?: string;
            /** @default [] */
            examples: {
                name: string;
                description?: string;
                /** @default {} */
                input: {
                    [key: string]: unknown;
                };
                expect: {
                    /**
                     * @default ok
                     * @enum {string}
                     */
                    status: "ok" | "failed";
                    json?: unknown;
                    jsonSubset?: unknown;
                    stdoutContains?: string[];
                    keys?: string[];
                };
            }[];
            ttlSeconds?: number;
            env?: {
                [key: string]: string;
            };
            sampleData?: string;
            model?: string;
        };
        /** @description An agent blueprint (seed 004 §2.4) */
        AgentBlueprint: {
            name: string;
            /** @enum {string} */
            type: "research" | "development" | "analysis" | "content" | "review" | "security" | "specialist";
            description: string;
            systemPrompt: string;
            /** @default [] */
            domainKnowledge: {
                category: string;
                content: string;
                source: string;
                reliability: number;
            }[];
            /** @default [] */
            skills: {
                name: string;
                description: string;
                /** @enum {string} */
                level?: "basic" | "intermediate" | "advanced" | "expert";
            }[];
            /** @default [] */
            tools: string[];
            /** @default [] */
            constraints: string[];
            outputFormat: {
                /** @enum {string} */
                format: "json" | "text" | "csv" | "markdown";
                schema?: {
                    [key: string]: string;
                };
                description?: string;
            };
            model?: string;
            /** @default default */
            policy: string;
            ttlSeconds?: number;
            /**
             * @default auto
             * @enum {string}
             */
            toolUse: "auto" | "required";
            maxTurns?: number;
            /** @default false */
            persistentSandbox: boolean;
        };
        /** @description The static checker’s verdict: findings with rule, line, snippet and suggestion */
        CheckResult: {
            allowed: boolean;
            /** @enum {string} */
            language: "python" | "shell" | "javascript";
            findings: {
                rule: string;
                /** @enum {string} */
                severity: "critical" | "major" | "minor" | "info";
                message: string;
                line: number;
                column: number;
                snippet: string;
                suggestion: string;
            }[];
            parseErrors?: {
                line: number;
                column: number;
                snippet: string;
                missing: boolean;
            }[];
        };
        /** @description What a sandboxed run produced, and the limits it ran under */
        RunResult: {
            runId: string;
            /** @enum {string} */
            runtime: "docker" | "isolate";
            /** @enum {string} */
            status: "ok" | "failed" | "timeout" | "oom" | "output_limit" | "killed" | "error";
            exitCode: number | null;
            signal: string | null;
            stdout: string;
            stderr: string;
            stdoutTruncated: boolean;
            stderrTruncated: boolean;
            durationMs: number;
            warm: boolean;
            containerId?: string;
            limits: {
                timeoutMs: number;
                memoryMb: number;
                cpus: number;
                maxProcesses: number;
                maxOpenFiles: number;
                maxFileSizeMb: number;
                maxOutputBytes: number;
                tmpfsMb: number;
            };
            json?: unknown;
            jsonError?: string;
            error?: string;
        };
        /** @description An API token (its secret is shown once, at creation) */
        Token: {
            id: string;
            name: string;
            /**
             * @description admin > submitter > viewer
             * @enum {string}
             */
            role: "admin" | "submitter" | "viewer";
            createdAt: string;
            createdBy: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        /** @description A tool version as lists show it (the source is fetched per version) */
        ToolSummary: {
            name: string;
            version: number;
            language: string;
            /** @enum {string} */
            origin: "source" | "generated";
            description: string;
            policy: string;
            /** @description sha256 of the source */
            checksum: string;
            attempts: number;
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            owner: string;
            shared: boolean;
            inputSpec: {
                name: string;
                /** @enum {string} */
                type: "string" | "int" | "float" | "bool" | "list" | "dict" | "path";
                description?: string;
                /** @default true */
                required: boolean;
                default?: unknown;
            }[];
            outputSpec: {
                /** @enum {string} */
                format: "json" | "text" | "csv";
                schema?: {
                    [key: string]: string;
                };
                description?: string;
            };
        };
        /** @description One example run in the sandbox before registration */
        ProbeResult: {
            example: string;
            passed: boolean;
            status: string;
            durationMs: number;
            failures: {
                check: string;
                path: string;
                message: string;
                expected?: unknown;
                actual?: unknown;
            }[];
            stdoutTail: string;
            stderrTail: string;
        };
        ToolDetail: {
            name: string;
            version: number;
            language: string;
            /** @enum {string} */
            origin: "source" | "generated";
            description: string;
            policy: string;
            /** @description sha256 of the source */
            checksum: string;
            attempts: number;
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            owner: string;
            shared: boolean;
            inputSpec: {
                name: string;
                /** @enum {string} */
                type: "string" | "int" | "float" | "bool" | "list" | "dict" | "path";
                description?: string;
                /** @default true */
                required: boolean;
                default?: unknown;
            }[];
            outputSpec: {
                /** @enum {string} */
                format: "json" | "text" | "csv";
                schema?: {
                    [key: string]: string;
                };
                description?: string;
            };
            blueprint: components["schemas"]["ToolBlueprint"];
            versions: components["schemas"]["ToolSummary"][];
        };
        /** @description One version with its source, check report and probe results */
        ToolVersionDetail: {
            name: string;
            version: number;
            language: string;
            /** @enum {string} */
            origin: "source" | "generated";
            description: string;
            policy: string;
            /** @description sha256 of the source */
            checksum: string;
            attempts: number;
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            owner: string;
            shared: boolean;
            inputSpec: {
                name: string;
                /** @enum {string} */
                type: "string" | "int" | "float" | "bool" | "list" | "dict" | "path";
                description?: string;
                /** @default true */
                required: boolean;
                default?: unknown;
            }[];
            outputSpec: {
                /** @enum {string} */
                format: "json" | "text" | "csv";
                schema?: {
                    [key: string]: string;
                };
                description?: string;
            };
            source: string;
            blueprint: components["schemas"]["ToolBlueprint"];
            checkReport: components["schemas"]["CheckResult"];
            probeResults: components["schemas"]["ProbeResult"][];
        };
        /** @description A runtime agent: a blueprint in the agent pool */
        Agent: {
            id: string;
            name: string;
            /** @enum {string} */
            origin: "blueprint" | "specialist" | "clone";
            parent: string | null;
            blueprint: components["schemas"]["AgentBlueprint"];
            createdBy: string;
            shared: boolean;
            createdAt: string;
            expiresAt: string | null;
            destroyedAt: string | null;
            /** @description on creation: tools it names that are not (yet) available to its creator */
            warnings?: string[];
        };
        Usage: {
            calls: number;
            promptTokens: number;
            completionTokens: number;
            costUsd: number;
        };
        /** @description A job (tool generation) or a run (tool, agent or one-off execution), with every step */
        WorkItem: {
            id: string;
            /** @enum {string} */
            kind: "job" | "run";
            /** @description tool_generation, tool, agent, execution */
            type: string;
            target: string;
            owner: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            progress: number;
            input: unknown;
            /** @description the outcome: a RunResult for tool runs and executions, an answer for agent runs */
            result: unknown;
            error: {
                code: string;
                message: string;
                retryable: boolean;
                details?: unknown;
            } | null;
            steps: unknown[];
            createdAt: string;
            updatedAt: string;
            usage?: components["schemas"]["Usage"];
        };
        /** @description One hash-chained audit event */
        AuditEvent: {
            seq: number;
            id: string;
            timestamp: string;
            type: string;
            action: string;
            target: string;
            project: string | null;
            task: string | null;
            agent: string | null;
            actor: string;
            input: string;
            output: string;
            inputTruncated: boolean;
            outputTruncated: boolean;
            success: boolean;
            error: string | null;
            durationMs: number;
            securityFlags: string[];
            details: {
                [key: string]: unknown;
            } | null;
            prevHash: string;
            hash: string;
        };
        /** @description Whether the hash chain verifies; else the first broken row */
        VerifyResult: {
            /** @constant */
            ok: true;
            count: number;
            head: string;
        } | {
            /** @constant */
            ok: false;
            count: number;
            brokenAt: number;
            reason: string;
        };
        /** @description A resolved policy: its extends chain merged */
        Policy: {
            name: string;
            description: string;
            extends: string | null;
            lineage: string[];
            shell: {
                allowedCommands: string[];
                forbiddenCommands: string[];
                allowedOptions: {
                    [key: string]: string[];
                };
            };
            python: {
                allowedModules: string[];
                partialModules: {
                    [key: string]: string[];
                };
                forbiddenModules: string[];
                forbiddenCallables: string[];
            };
            javascript: {
                forbiddenGlobals: string[];
            };
            limits: {
                maxExecutionSeconds: number;
                maxMemoryMb: number;
                maxFileSizeMb: number;
                maxOutputKb: number;
                maxProcesses: number;
                maxOpenFiles: number;
                cpus: number;
            };
            paths: {
                readOnly: string[];
                readWrite: string[];
            };
            network: {
                allowOutbound: boolean;
                allowedHosts: string[];
            };
        };
        /** @description Model usage of one model and role in one hour or day */
        UsageBucket: {
            /** @description start of the bucket (UTC, ISO 8601) */
            start: string;
            model: string;
            /** @description designer, generator, generator:repair, agent:<name> … */
            role: string;
            calls: number;
            /** @description calls that failed */
            errors: number;
            /** @description known counts only (Ollama leaves some out) */
            promptTokens: number;
            completionTokens: number;
            costUsd: number;
            durationMs: number;
        };
    };
    responses: never;
    parameters: {
        /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description the request id: the one sent, or a new UUID */
        RequestId: string;
        /** @description where the created resource (201) or the started work (202) is */
        Location: string;
        /** @description the version of the resource, for If-Match */
        ETag: string;
        /** @description Bearer, with error="invalid_token" when a token was sent but is not valid */
        WWWAuthenticate: string;
        /** @description seconds to wait before retrying */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready or degraded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description ready: everything; degraded: all but Ollama (only generation needs it); not_ready: no
                         * @enum {string}
                         */
                        status: "ready" | "degraded" | "not_ready";
                        checks: {
                            store: {
                                ok: boolean;
                                path: string;
                                schemaVersion?: number;
                                journalMode?: string;
                                error?: string;
                            };
                            docker: {
                                ok: boolean;
                                host: string;
                                version?: string;
                                apiVersion?: string;
                                error?: string;
                            };
                            sandbox: {
                                ok: boolean;
                                images: {
                                    name: string;
                                    tag: string;
                                    ok: boolean;
                                    expected: string;
                                    found?: string;
                                    hint?: string;
                                }[];
                                pool: {
                                    key: string;
                                    target: number;
                                    ready: number;
                                    filling: number;
                                    waiting: number;
                                    failures: number;
                                    lastError?: string;
                                }[];
                            };
                            ollama: {
                                ok: boolean;
                                host: string;
                                models?: string[];
                                missingModels?: string[];
                                error?: string;
                            };
                            policies: {
                                ok: boolean;
                                names: string[];
                                problems: {
                                    name: string;
                                    file: string;
                                    hash: string;
                                    issues: {
                                        path: string;
                                        message: string;
                                        line?: number;
                                        column?: number;
                                    }[];
                                }[];
                            };
                            /** @description projects: runs in this process, and how many projects wait or are paused */
                            coordinator: {
                                ok: boolean;
                                /** @description this process drives projects (resumed those a stopped process left) */
                                started: boolean;
                                /** @description runs active in this process */
                                running: number;
                                /** @description projects waiting here for a free slot (coordinator.maxConcurrentProjects) */
                                queued: number;
                                pending: number;
                                /** @description planning, executing or reviewing */
                                active: number;
                                /** @description waiting for approval */
                                waiting: number;
                                paused: number;
                                completed: number;
                                failed: number;
                                cancelled: number;
                            };
                            blueprints: {
                                ok: boolean;
                                agents: number;
                                tools: number;
                                rejected: {
                                    file: string;
                                    kind: string;
                                    issues: {
                                        path: string;
                                        message: string;
                                        line?: number;
                                        column?: number;
                                    }[];
                                }[];
                            };
                            /** @description the pipeline files: those that loaded, and each rejected file with every problem */
                            pipelines: {
                                /** @description every file in the pipeline directory loaded */
                                ok: boolean;
                                dir: string;
                                loaded: string[];
                                rejected: components["schemas"]["RejectedPipeline"][];
                            };
                        };
                        /** @description what to do about each problem, one line each */
                        hints: string[];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not ready: see checks and hints */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description ready: everything; degraded: all but Ollama (only generation needs it); not_ready: no
                         * @enum {string}
                         */
                        status: "ready" | "degraded" | "not_ready";
                        checks: {
                            store: {
                                ok: boolean;
                                path: string;
                                schemaVersion?: number;
                                journalMode?: string;
                                error?: string;
                            };
                            docker: {
                                ok: boolean;
                                host: string;
                                version?: string;
                                apiVersion?: string;
                                error?: string;
                            };
                            sandbox: {
                                ok: boolean;
                                images: {
                                    name: string;
                                    tag: string;
                                    ok: boolean;
                                    expected: string;
                                    found?: string;
                                    hint?: string;
                                }[];
                                pool: {
                                    key: string;
                                    target: number;
                                    ready: number;
                                    filling: number;
                                    waiting: number;
                                    failures: number;
                                    lastError?: string;
                                }[];
                            };
                            ollama: {
                                ok: boolean;
                                host: string;
                                models?: string[];
                                missingModels?: string[];
                                error?: string;
                            };
                            policies: {
                                ok: boolean;
                                names: string[];
                                problems: {
                                    name: string;
                                    file: string;
                                    hash: string;
                                    issues: {
                                        path: string;
                                        message: string;
                                        line?: number;
                                        column?: number;
                                    }[];
                                }[];
                            };
                            /** @description projects: runs in this process, and how many projects wait or are paused */
                            coordinator: {
                                ok: boolean;
                                /** @description this process drives projects (resumed those a stopped process left) */
                                started: boolean;
                                /** @description runs active in this process */
                                running: number;
                                /** @description projects waiting here for a free slot (coordinator.maxConcurrentProjects) */
                                queued: number;
                                pending: number;
                                /** @description planning, executing or reviewing */
                                active: number;
                                /** @description waiting for approval */
                                waiting: number;
                                paused: number;
                                completed: number;
                                failed: number;
                                cancelled: number;
                            };
                            blueprints: {
                                ok: boolean;
                                agents: number;
                                tools: number;
                                rejected: {
                                    file: string;
                                    kind: string;
                                    issues: {
                                        path: string;
                                        message: string;
                                        line?: number;
                                        column?: number;
                                    }[];
                                }[];
                            };
                            /** @description the pipeline files: those that loaded, and each rejected file with every problem */
                            pipelines: {
                                /** @description every file in the pipeline directory loaded */
                                ok: boolean;
                                dir: string;
                                loaded: string[];
                                rejected: components["schemas"]["RejectedPipeline"][];
                            };
                        };
                        /** @description what to do about each problem, one line each */
                        hints: string[];
                    };
                };
            };
        };
    };
    getIndex: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The index */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        service: "agent-factory";
                        routes: string[];
                        openapi: string;
                        docs: string;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    whoAmI: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your token */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: components["schemas"]["Token"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tokens */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: components["schemas"]["Token"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description admin > submitter > viewer
                     * @enum {string}
                     */
                    role: "admin" | "submitter" | "viewer";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: components["schemas"]["Token"];
                        /** @description aft_…: shown once */
                        secret: string;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    queryAudit: {
        parameters: {
            query?: {
                type?: ("agent_created" | "agent_destroyed" | "tool_generated" | "tool_executed" | "tool_destroyed" | "file_access" | "network_access" | "security_block" | "policy_changed" | "policy_rejected" | "auth_failure" | "access_denied" | "access_changed" | "token_created" | "token_revoked" | "server_started" | "server_stopped" | "project_created" | "project_status_changed" | "project_step" | "project_approval" | "project_budget" | "project_message") | ("agent_created" | "agent_destroyed" | "tool_generated" | "tool_executed" | "tool_destroyed" | "file_access" | "network_access" | "security_block" | "policy_changed" | "policy_rejected" | "auth_failure" | "access_denied" | "access_changed" | "token_created" | "token_revoked" | "server_started" | "server_stopped" | "project_created" | "project_status_changed" | "project_step" | "project_approval" | "project_budget" | "project_message")[];
                project?: string;
                agent?: string;
                from?: string;
                to?: string;
                success?: boolean;
                afterSeq?: number;
                limit?: number;
                order?: "asc" | "desc";
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["AuditEvent"][];
                        nextAfterSeq: number | null;
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResult"];
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPolicies: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of policies */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        policies: {
                            name: string;
                            description: string;
                            extends: string | null;
                            file: string;
                            etag: string;
                            version: number | null;
                            issues?: {
                                path: string;
                                message: string;
                                line?: number;
                                column?: number;
                            }[];
                        }[];
                        problems: {
                            name: string;
                            file: string;
                            hash: string;
                            issues: {
                                path: string;
                                message: string;
                                line?: number;
                                column?: number;
                            }[];
                        }[];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: {
                format?: "json" | "yaml";
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy (JSON), or its text (format=yaml) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        etag: string;
                        version: number | null;
                        text: string;
                        policy: components["schemas"]["Policy"];
                        pendingProblem?: {
                            name: string;
                            file: string;
                            hash: string;
                            issues: {
                                path: string;
                                message: string;
                                line?: number;
                                column?: number;
                            }[];
                        };
                    };
                    "application/yaml": string;
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag you read (quotes optional), or * */
                "if-match"?: string;
                /** @description * to create a policy that must not exist yet */
                "if-none-match"?: "*";
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        /** @description YAML text; in JSON, the policy object or {"text": "…"} */
        requestBody: {
            content: {
                "application/yaml": string;
                "application/json": {
                    text: string;
                };
                "text/plain": string;
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        etag: string;
                        previousEtag?: string | null;
                        version: number | null;
                        policy: components["schemas"]["Policy"];
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        etag: string;
                        previousEtag?: string | null;
                        version: number | null;
                        policy: components["schemas"]["Policy"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Precondition failed: PRECONDITION_FAILED */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Precondition required: PRECONDITION_REQUIRED */
            428: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicyHistory: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of versions */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        versions: {
                            version: number;
                            etag: string;
                            author: string;
                            /** @enum {string} */
                            source: "disk" | "api" | "restore";
                            createdAt: string;
                            diff: string;
                        }[];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicyVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        version: number;
                        text: string;
                        etag: string;
                        author: string;
                        /** @enum {string} */
                        source: "disk" | "api" | "restore";
                        createdAt: string;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    validatePolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        /** @description YAML text; in JSON, the policy object or {"text": "…"} */
        requestBody: {
            content: {
                "application/yaml": string;
                "application/json": {
                    text: string;
                };
                "text/plain": string;
            };
        };
        responses: {
            /** @description The verdict (valid or not) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        valid: boolean;
                        issues: {
                            path: string;
                            message: string;
                            line?: number;
                            column?: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    restorePolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag you read (quotes optional), or * */
                "if-match"?: string;
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                };
            };
        };
        responses: {
            /** @description Restored */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        etag: string;
                        previousEtag?: string | null;
                        version: number | null;
                        policy: components["schemas"]["Policy"];
                        restoredFrom: number;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Precondition failed: PRECONDITION_FAILED */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Precondition required: PRECONDITION_REQUIRED */
            428: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    language: "python" | "shell" | "javascript";
                    source: string;
                    /** @default default */
                    policy?: string;
                    /** @description a name for the audit trail (recorded as check:<file>) */
                    file?: string;
                };
            };
        };
        responses: {
            /** @description The verdict */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowed: boolean;
                        /** @enum {string} */
                        language: "python" | "shell" | "javascript";
                        findings: {
                            rule: string;
                            /** @enum {string} */
                            severity: "critical" | "major" | "minor" | "info";
                            message: string;
                            line: number;
                            column: number;
                            snippet: string;
                            suggestion: string;
                        }[];
                        parseErrors?: {
                            line: number;
                            column: number;
                            snippet: string;
                            missing: boolean;
                        }[];
                        file: string | null;
                        policy: string;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTools: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tools */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tools: components["schemas"]["ToolSummary"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitTool: {
        parameters: {
            query?: {
                /** @description share the tool with every submitter */
                shared?: "true" | "false";
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ToolBlueprintInput"];
                "application/yaml": components["schemas"]["ToolBlueprintInput"];
                "application/x-yaml": components["schemas"]["ToolBlueprintInput"];
                "text/yaml": components["schemas"]["ToolBlueprintInput"];
                "text/x-yaml": components["schemas"]["ToolBlueprintInput"];
            };
        };
        responses: {
            /** @description Registered now (a blueprint with source: checked, probe-run, registered) */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "registered";
                        tool: components["schemas"]["ToolSummary"];
                        /** @description related resources */
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Accepted: the model generates it; follow the job (GET or the stream) */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                        jobId: string;
                        /** @description related resources */
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitToolVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ToolBlueprintInput"];
                "application/yaml": components["schemas"]["ToolBlueprintInput"];
                "application/x-yaml": components["schemas"]["ToolBlueprintInput"];
                "text/yaml": components["schemas"]["ToolBlueprintInput"];
                "text/x-yaml": components["schemas"]["ToolBlueprintInput"];
            };
        };
        responses: {
            /** @description Registered now (a blueprint with source: checked, probe-run, registered) */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "registered";
                        tool: components["schemas"]["ToolSummary"];
                        /** @description related resources */
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Accepted: the model generates it; follow the job (GET or the stream) */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                        jobId: string;
                        /** @description related resources */
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTool: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tool */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolDetail"];
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    destroyTool: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Destroyed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    shareTool: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    shared: boolean;
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        owner: string;
                        shared: boolean;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getToolVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolVersionDetail"];
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    executeTool: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description keys from the tool’s inputSpec
                     * @default {}
                     */
                    input?: {
                        [key: string]: unknown;
                    };
                    /** @description default: the latest */
                    version?: number;
                    /**
                     * @description mount the tool’s sample data (blueprints/data/<sampleData>) at /data
                     * @default false
                     */
                    sampleData?: boolean;
                };
            };
        };
        responses: {
            /** @description The run’s result */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        tool: string;
                        version: number;
                        status: string;
                        result: components["schemas"]["RunResult"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream failure: LLM_OUTPUT_INVALID, LLM_INCOMPLETE, LLM_TRUNCATED, LLM_TOOL_CALL_INVALID, LLM_FAILED, SANDBOX_FAILED, AGENT_LOOP, AGENT_NO_ANSWER */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAgents: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of agents */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agents: components["schemas"]["Agent"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    blueprint?: components["schemas"]["AgentBlueprintInput"];
                    /** @description let the model design a specialist for a task (needs Ollama) */
                    specialist?: {
                        /** @description what the specialist is for */
                        task: string;
                        domain?: string;
                        skills?: string[];
                    };
                    /** @description clone this agent (yours, a shared one or the service’s) */
                    cloneOf?: string;
                    /** @description with cloneOf: blueprint fields to change */
                    modifications?: {
                        [key: string]: unknown;
                    };
                    /** @description share the agent with every submitter (read, run, clone) */
                    shared?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: components["schemas"]["Agent"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream failure: LLM_OUTPUT_INVALID, LLM_INCOMPLETE, LLM_TRUNCATED, LLM_TOOL_CALL_INVALID, LLM_FAILED, SANDBOX_FAILED, AGENT_LOOP, AGENT_NO_ANSWER */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream timeout: LLM_TIMEOUT, PROJECT_TIMEOUT */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: components["schemas"]["Agent"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    destroyAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Destroyed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    shareAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    shared: boolean;
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: components["schemas"]["Agent"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runAgent: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    task: string;
                };
            };
        };
        responses: {
            /** @description Started */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        /** @description related resources */
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobs: components["schemas"]["WorkItem"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        job: components["schemas"]["WorkItem"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRuns: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runs: components["schemas"]["WorkItem"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        run: components["schemas"]["WorkItem"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsage: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        llm: components["schemas"]["Usage"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBlueprints: {
        parameters: {
            query?: {
                /** @description items per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of blueprints */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agents: {
                            file: string;
                            blueprint: components["schemas"]["AgentBlueprint"];
                        }[];
                        tools: {
                            file: string;
                            blueprint: components["schemas"]["ToolBlueprint"];
                            registered: boolean;
                        }[];
                        rejected: {
                            file: string;
                            /** @enum {string} */
                            kind: "agent" | "tool";
                            issues: {
                                path: string;
                                message: string;
                                line?: number;
                            }[];
                        }[];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createExecution: {
        parameters: {
            query?: {
                /** @description wait for the result (default true) */
                wait?: "true" | "false";
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    language: "python" | "shell" | "javascript";
                    source: string;
                    /** @description stdin: a string as it is, anything else as one line of JSON */
                    input?: unknown;
                    /** @description command-line arguments */
                    args?: string[];
                    /** @description default: default */
                    policy?: string;
                };
            };
        };
        responses: {
            /** @description Finished: `run.result` has status, exit code, stdout and stderr */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        run: components["schemas"]["WorkItem"];
                        /** @description related resources */
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Started: follow run:<id> on the stream */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        run: components["schemas"]["WorkItem"];
                        /** @description related resources */
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream failure: LLM_OUTPUT_INVALID, LLM_INCOMPLETE, LLM_TRUNCATED, LLM_TOOL_CALL_INVALID, LLM_FAILED, SANDBOX_FAILED, AGENT_LOOP, AGENT_NO_ANSWER */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExecution: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The execution */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        run: components["schemas"]["WorkItem"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsageSeries: {
        parameters: {
            query?: {
                bucket?: "hour" | "day";
                from?: string;
                to?: string;
                /** @description items per page (1-1000) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of buckets */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        bucket: "hour" | "day";
                        series: components["schemas"]["UsageBucket"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description only projects in this status (repeat the parameter for several) */
                status?: ("pending" | "planning" | "executing" | "reviewing" | "waiting_for_approval" | "paused" | "completed" | "failed" | "cancelled") | ("pending" | "planning" | "executing" | "reviewing" | "waiting_for_approval" | "paused" | "completed" | "failed" | "cancelled")[];
                /** @description only this owner’s projects (a token id; a submitter sees only its own anyway) */
                owner?: string;
                /** @description projects per page (1-100) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of projects */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        projects: components["schemas"]["ProjectSummary"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    task: string;
                    name?: string;
                    config?: {
                        maxConcurrentAgents?: number;
                        maxIterations?: number;
                        qualityThreshold?: number;
                        timeoutMs?: number;
                        dynamicAgents?: boolean;
                        toolGeneration?: boolean;
                        approvals?: {
                            plan?: boolean;
                            aggregation?: boolean;
                        };
                        budget?: {
                            tokens?: number | null;
                            costUsd?: number | null;
                            wallMs?: number | null;
                            toolRuns?: number | null;
                        };
                        /** @enum {string} */
                        onBudgetExceeded?: "pause" | "fail";
                        reviewChain?: {
                            name: string;
                            /** @enum {string} */
                            kind: "self" | "peer" | "cross" | "specialized" | "coordinator";
                            /** @default false */
                            mustPass?: boolean;
                            /** @default true */
                            canImprove?: boolean;
                            reviewer?: string;
                            /** @default [] */
                            criteria?: string[];
                        }[];
                        /** @enum {string} */
                        onIterationsExhausted?: "accept-best-and-flag" | "fail" | "replan";
                        maxTasks?: number;
                        maxSteps?: number;
                        maxReplans?: number;
                        workerRetries?: number;
                        maxRepeatedToolCalls?: number;
                        maxCompletionTokens?: number;
                        models?: {
                            [key: string]: string;
                        };
                    };
                    /** @description the pipeline to run (GET /api/v1/pipelines); default coordinator.defaultPipeline: default, seed 004’s workflow */
                    pipeline?: string;
                };
            };
        };
        responses: {
            /** @description Created and started */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project: components["schemas"]["Project"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project: components["schemas"]["Project"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProjectSteps: {
        parameters: {
            query?: {
                /** @description also list each model reply and tool run (kinds llm, tool) */
                calls?: boolean;
                /** @description rows per page (1-1000) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of journal rows */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        steps: components["schemas"]["ProjectStep"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                /** @description the step key, URL-encoded as one path segment: plan:1 → plan%3A1, p1/task:t1/assign:1 → p1%2Ftask%3At1%2Fassign%3A1 */
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The step */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        step: components["schemas"]["ProjectStepDetail"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description recorded with the cancellation */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project: components["schemas"]["Project"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    decideProjectGate: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    gate?: string;
                    reason?: string;
                    plan?: unknown;
                };
            };
        };
        responses: {
            /** @description Decided; the project goes on */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project: components["schemas"]["Project"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resumed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project: components["schemas"]["Project"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeProjectBudget: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tokens?: number | null;
                    costUsd?: number | null;
                    wallMs?: number | null;
                    toolRuns?: number | null;
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        project: components["schemas"]["Project"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        report: components["schemas"]["ProjectReport"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The replay */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replay: components["schemas"]["ProjectReplay"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyProjectJournal: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        verdict: components["schemas"]["ProjectJournalVerdict"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPipelines: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pipelines */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pipelines: components["schemas"]["Pipeline"][];
                        rejected: components["schemas"]["RejectedPipeline"][];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pipeline */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pipeline: components["schemas"]["PipelineDetail"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: LLM_CONTEXT_OVERFLOW, LLM_MODEL_UNSUPPORTED, POLICY_INVALID, SOURCE_UNPARSEABLE, NETWORK_NOT_SUPPORTED, BLUEPRINT_INVALID, TOOL_GENERATION_FAILED, PROBE_FAILED, CODE_BLOCKED, PLAN_INVALID, STEP_LIMIT_EXCEEDED, TASK_FAILED, TASK_UNASSIGNABLE, PIPELINE_INVALID, ROLE_INPUT_INVALID, HANDOFF_LOOP, PIPELINE_STALLED, PIPELINE_LIMIT, PHASE_FAILED */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reloadPipelines: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reloaded */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        loaded: string[];
                        rejected: components["schemas"]["RejectedPipeline"][];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recorded pipeline */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pipeline: components["schemas"]["ProjectPipeline"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProjectMessages: {
        parameters: {
            query?: {
                /** @description lines per page (1-500) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the conversation */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: components["schemas"]["ConversationLine"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendProjectMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the message; @name addresses one of the project’s agents, @all all of them */
                    text: string;
                    /** @description the gate being answered (e.g. planner); when given it must be the open one */
                    gate?: string;
                };
            };
        };
        responses: {
            /** @description Delivered */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: components["schemas"]["ProjectMessage"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listKnowledge: {
        parameters: {
            query?: {
                /** @description admins and viewers: whose knowledge base (default: your own) */
                owner?: string;
                /** @description items per page (1-100) */
                limit?: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of items */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["KnowledgeItem"][];
                        /** @description pass as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addKnowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description the text agents get when it is similar to their task (cut to memory.knowledge.maxChars) */
                    content: string;
                    /** @default [] */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["SavedKnowledgeItem"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchKnowledge: {
        parameters: {
            query: {
                /** @description the text to find similar items for (embedded with the embedding model) */
                q: string;
                /** @description admins and viewers: whose memory (default: your own) */
                owner?: string;
                /** @description at most this many hits (default: memory.knowledge.topK) */
                topK?: number;
                /** @description only hits at least this similar (cosine, -1..1) */
                minScore?: number;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hits */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hits: {
                            item: components["schemas"]["KnowledgeItem"];
                            /** @description cosine similarity, -1..1 */
                            score: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream failure: LLM_OUTPUT_INVALID, LLM_INCOMPLETE, LLM_TRUNCATED, LLM_TOOL_CALL_INVALID, LLM_FAILED, SANDBOX_FAILED, AGENT_LOOP, AGENT_NO_ANSWER */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream timeout: LLM_TIMEOUT, PROJECT_TIMEOUT */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getKnowledge: {
        parameters: {
            query?: {
                /** @description admins and viewers: whose item (default: your own) */
                owner?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["KnowledgeItem"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteKnowledge: {
        parameters: {
            query?: {
                /** @description admins and viewers: whose item (default: your own) */
                owner?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        deleted: true;
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rememberProjectResult: {
        parameters: {
            query?: never;
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /** @default [] */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Saved */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["SavedKnowledgeItem"];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed: FORBIDDEN, TOPIC_FORBIDDEN */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: CONFLICT, PROJECT_STATE_INVALID, PROJECT_BUSY, BUDGET_EXCEEDED, APPROVAL_REJECTED, PROJECT_CANCELLED, MEMORY_LIMIT */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large: BODY_TOO_LARGE */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type: MEDIA_TYPE_UNSUPPORTED */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEpisodes: {
        parameters: {
            query?: {
                /** @description admins and viewers: whose episodes (default: your own) */
                owner?: string;
                /** @description episodes, newest first (1-100) */
                limit?: number;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The episodes */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        episodes: components["schemas"]["Episode"][];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchEpisodes: {
        parameters: {
            query: {
                /** @description the text to find similar items for (embedded with the embedding model) */
                q: string;
                /** @description admins and viewers: whose memory (default: your own) */
                owner?: string;
                /** @description at most this many hits (default: memory.knowledge.topK) */
                topK?: number;
                /** @description only hits at least this similar (cosine, -1..1) */
                minScore?: number;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hits */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hits: {
                            item: components["schemas"]["Episode"];
                            /** @description cosine similarity, -1..1 */
                            score: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream failure: LLM_OUTPUT_INVALID, LLM_INCOMPLETE, LLM_TRUNCATED, LLM_TOOL_CALL_INVALID, LLM_FAILED, SANDBOX_FAILED, AGENT_LOOP, AGENT_NO_ANSWER */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unavailable: SHUTTING_DOWN, STORE_UNAVAILABLE, STORE_BUSY, DOCKER_UNAVAILABLE, OLLAMA_UNAVAILABLE, OLLAMA_MODEL_MISSING, OLLAMA_OUT_OF_MEMORY, SANDBOX_IMAGE_MISSING */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Upstream timeout: LLM_TIMEOUT, PROJECT_TIMEOUT */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openStream: {
        parameters: {
            query?: {
                /** @description the bearer token, for browsers that cannot set headers on an upgrade */
                access_token?: string;
            };
            header?: {
                /** @description echoed back; 1-128 of A-Z a-z 0-9 . _ : - */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching Protocols: the stream is open */
            101: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: BODY_MALFORMED, VALIDATION_FAILED, POLICY_NAME_INVALID, LANGUAGE_UNSUPPORTED, LIMIT_NOT_TIGHTER, INPUT_INVALID */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not authenticated: AUTH_MISSING, AUTH_INVALID */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: ROUTE_NOT_FOUND, RESOURCE_NOT_FOUND, POLICY_NOT_FOUND */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: CONFIG_INVALID, CONFIG_FILE_UNREADABLE, STORE_CORRUPT, LLM_SCHEMA_REFUSED, INTERNAL, AUDIT_CHAIN_BROKEN, JOURNAL_BROKEN, REPLAY_DIVERGED */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
