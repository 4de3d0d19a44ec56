-- A real second LSP client: Neovim, headless, against `brief lsp --stdio`
-- (test/nvim/neovim.test.ts runs it). Every step waits for a condition
-- (vim.wait runs the event loop meanwhile), never for a fixed time, and
-- writes what it saw as one JSON object on stdout; the test asserts on it.
local out = {}
local function finish()
  io.stdout:write(vim.fn.json_encode(out) .. '\n')
  vim.cmd('qa!')
end
local function fail(step, why)
  out.failed = step .. ': ' .. why
  finish()
end

local root = os.getenv('BRIEF_ROOT')
local file = root .. '/programs/payments-v2.md'
local other = root .. '/programs/billing-core.md'
vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'program-briefs',
  cmd = { 'node', os.getenv('BRIEF_CLI'), 'lsp', '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'examples' } },
})
if not id then return fail('start', 'no client') end
vim.lsp.buf_attach_client(buf, id)
local client = vim.lsp.get_client_by_id(id)

-- 1. Diagnostics of a file that was never opened (billing-core has a dependency-unknown error).
local other_buf = vim.uri_to_bufnr(vim.uri_from_fname(other))
if not vim.wait(30000, function() return #vim.diagnostic.get(other_buf) > 0 end, 50) then
  return fail('diagnostics', 'none for the unopened file')
end
out.unopened_loaded = vim.api.nvim_buf_is_loaded(other_buf)
out.unopened = {}
for _, d in ipairs(vim.diagnostic.get(other_buf)) do
  table.insert(out.unopened, { code = d.code, lnum = d.lnum, message = d.message, severity = d.severity })
end

-- Finds the 0-based line of the first line matching a pattern.
local function line_of(pattern)
  for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if text:match(pattern) then return i - 1, text end
  end
end

-- 2. Hover on `  - identity-sso` in depends_on.
local dep_line = line_of('^  %- identity%-sso$')
local at = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = dep_line, character = 6 } }
local hover = client.request_sync('textDocument/hover', at, 10000, buf)
if not hover or hover.err or not hover.result then return fail('hover', vim.inspect(hover)) end
out.hover = hover.result.contents.value

-- 2b. Hover on a milestone's own id (`  - id: cutover`): its schedule (docs/schedule.md).
local cutover_line = line_of('^  %- id: cutover$')
local milestone_hover = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = cutover_line, character = 10 },
}, 10000, buf)
if not milestone_hover or milestone_hover.err or not milestone_hover.result then return fail('milestone hover', vim.inspect(milestone_hover)) end
out.milestone_hover = milestone_hover.result.contents.value

-- 3. Definition into another file.
local definition = client.request_sync('textDocument/definition', at, 10000, buf)
if not definition or definition.err or not definition.result then return fail('definition', vim.inspect(definition)) end
local target = definition.result[1]
out.definition = { uri = target.targetUri or target.uri, line = (target.targetRange or target.range).start.line }

-- 4. Completion of a program id: a new depends_on entry typed as `  - ide`.
local last_dep = dep_line
vim.api.nvim_buf_set_lines(buf, last_dep + 1, last_dep + 1, false, { '  - ide' })
local completion = client.request_sync('textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = last_dep + 1, character = 7 },
}, 10000, buf)
if not completion or completion.err or not completion.result then return fail('completion', vim.inspect(completion)) end
local items = completion.result.items or completion.result
out.completion = {}
for _, item in ipairs(items) do table.insert(out.completion, item.label) end
vim.api.nvim_buf_set_lines(buf, last_dep + 1, last_dep + 2, false, {})

-- 5. A quick fix applied: break `status:` (a schema error), take the preferred fix, apply it.
local status_line, status_text = line_of('^status: ')
out.status_before = status_text
vim.api.nvim_buf_set_lines(buf, status_line, status_line + 1, false, { 'status: on-trak' })
local schema
if not vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'schema' then schema = d return true end
  end
  return false
end, 50) then return fail('quick fix', 'no schema diagnostic after the edit') end
-- As Neovim's own code-action request builds it from its diagnostic (0-based lines and columns).
local lsp_diagnostic = {
  range = { start = { line = schema.lnum, character = schema.col }, ['end'] = { line = schema.end_lnum, character = schema.end_col } },
  message = schema.message, code = schema.code, source = schema.source, severity = schema.severity,
}
local actions = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, range = lsp_diagnostic.range, context = { diagnostics = { lsp_diagnostic } },
}, 10000, buf)
if not actions or actions.err or not actions.result or #actions.result == 0 then return fail('quick fix', 'no actions: ' .. vim.inspect(actions)) end
local chosen
for _, action in ipairs(actions.result) do
  if action.isPreferred then chosen = action end
end
if not chosen then return fail('quick fix', 'no preferred action') end
out.fix_title = chosen.title
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
out.status_after = vim.api.nvim_buf_get_lines(buf, status_line, status_line + 1, false)[1]
out.schema_cleared = vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'schema' then return false end
  end
  return true
end, 50)

client.stop()
vim.wait(5000, function() return client.is_stopped() end, 50)
out.ok = true
finish()
