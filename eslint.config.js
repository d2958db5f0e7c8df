import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'fixtures/**', 'packages/web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web app runs in the browser.
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The core is pure: no file system, network, process or other Node I/O.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'http', 'https', 'net', 'os'],
              message: 'core 不做 I/O',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'require'],
    },
  },
  {
    // Files small enough to move into: every source file (the generated API types aside), and
    // the readers' tests too; functions that fit on a screen in the readers.
    files: ['packages/*/src/**/*.{ts,tsx}'],
    ignores: [
      'packages/*/src/**/*.test.ts',
      'packages/web/src/api/schema.d.ts',
      'packages/core/src/organs/regions-data.ts',
    ],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['packages/core/src/parse/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Functions that fit on a screen, in every package's sources (tests' long bodies aside).
    files: ['packages/*/src/**/*.{ts,tsx}'],
    ignores: ['packages/*/src/**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // The server's lower layers know nothing of HTTP: services, repositories and the access rules
    // throw the domain's errors (src/errors.ts), which http/app.ts alone turns into answers.
    files: [
      'packages/server/src/features/**/*.ts',
      'packages/server/src/errors.ts',
      'packages/server/src/services.ts',
      'packages/server/src/db/**/*.ts',
    ],
    ignores: ['packages/server/src/features/*/routes.ts', 'packages/server/src/features/*/schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/http/*', 'hono', 'hono/*'], message: '服务、仓储与权限规则不依赖 HTTP 层' },
            { group: ['**/routes.js'], message: '路由只由 http/app.ts 汇集' },
          ],
        },
      ],
    },
  },
  {
    // A repository holds a table's SQL and nothing above it.
    files: ['packages/server/src/features/**/repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/http/*', 'hono', 'hono/*'], message: '仓储不依赖 HTTP 层' },
            { group: ['**/service.js', '**/services.js'], message: '仓储不调用服务' },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in repositories (and db/, the infrastructure): nowhere else builds a query.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/**/repository.ts', 'packages/server/src/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: '查询只写在 repository.ts 中',
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: '查询只写在 repository.ts 中' },
      ],
    },
  },
);
