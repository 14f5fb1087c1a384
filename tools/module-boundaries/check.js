// Enforces the module boundaries of the workspace from the real import statements:
//   - a project imports only the @regu packages its `type:*` tag allows;
//   - test-only packages (type:testing) appear only in test files;
//   - `domain/` folders import nothing but @regu/contracts and relative paths, so
//     deciders stay free of NestJS, mongoose, kafkajs and the MongoDB driver;
//   - every @regu package a project imports outside tests is declared in its
//     package.json, because Nx orders the builds by those declarations.
// Exits 1 and lists every violation, or prints a one-line summary.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const PROJECT_FOLDERS = ['libs', 'services', 'tools'];

/** The project types each project type may import at run time. */
const ALLOWED_TYPES = {
  'type:contracts': [],
  'type:lib': ['type:contracts', 'type:lib'],
  'type:testing': ['type:contracts', 'type:lib'],
  'type:app': ['type:contracts', 'type:lib'],
  'type:tool': ['type:contracts', 'type:lib'],
};
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$|[/\\]test-support[/\\]/;
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;

function loadProjects() {
  const projects = new Map();
  for (const folder of PROJECT_FOLDERS) {
    for (const name of fs.readdirSync(path.join(ROOT, folder))) {
      const manifestPath = path.join(ROOT, folder, name, 'package.json');
      if (!fs.existsSync(manifestPath)) {
        continue;
      }
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
      const type = (manifest.nx?.tags ?? []).find((tag) => tag.startsWith('type:'));
      const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }));
      projects.set(manifest.name, { name: manifest.name, type, declared, root: path.join(ROOT, folder, name) });
    }
  }
  return projects;
}

function sourceFiles(directory) {
  if (!fs.existsSync(directory)) {
    return [];
  }
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    }
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function checkFile(file, project, projects) {
  const violations = [];
  const text = fs.readFileSync(file, 'utf8');
  const relative = path.relative(ROOT, file);
  const inDomain = /[/\\]domain[/\\]/.test(relative);
  const isTest = TEST_FILE.test(relative);

  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1];
    if (inDomain && !isTest && !specifier.startsWith('.') && specifier !== '@regu/contracts' && !specifier.startsWith('node:')) {
      violations.push(`${relative}: domain code imports "${specifier}"; domain/ may import only @regu/contracts, node: modules and relative paths`);
    }
    if (!specifier.startsWith('@regu/')) {
      continue;
    }
    const target = projects.get(specifier.split('/').slice(0, 2).join('/'));
    if (target === undefined || target.name === project.name) {
      continue;
    }
    // Tests import libraries from source through Jest's moduleNameMapper, so only
    // run-time imports need a declaration.
    if (!isTest && !project.declared.has(target.name)) {
      violations.push(`${relative}: imports ${target.name}, which ${project.name}'s package.json does not declare`);
    }
    if (target.type === 'type:testing' || target.type === 'type:tool') {
      if (!isTest) {
        violations.push(`${relative}: imports ${target.name} (${target.type}) outside a test file`);
      }
      continue;
    }
    if (!(ALLOWED_TYPES[project.type] ?? []).includes(target.type)) {
      violations.push(`${relative}: ${project.name} (${project.type}) may not import ${target.name} (${target.type})`);
    }
  }
  return violations;
}

function main() {
  const projects = loadProjects();
  const violations = [];
  let files = 0;
  for (const project of projects.values()) {
    if (project.type === undefined) {
      violations.push(`${path.relative(ROOT, project.root)}/package.json: no type:* tag in nx.tags`);
      continue;
    }
    for (const file of sourceFiles(path.join(project.root, 'src'))) {
      files += 1;
      violations.push(...checkFile(file, project, projects));
    }
  }

  if (violations.length > 0) {
    console.error(`Module boundary violations (${violations.length}):\n${violations.map((v) => `  ${v}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Module boundaries hold: ${projects.size} projects, ${files} source files checked.`);
}

main();
