import { Command, CommanderError, Option } from 'commander';
import { check } from './commands/check.js';
import { corpusImport, type CorpusImportOptions } from './commands/corpus.js';
import { demo } from './commands/demo.js';
import { parse, type ParseCommandOptions } from './commands/parse.js';
import { RENDER_FORMATS, render } from './commands/render.js';
import { rules } from './commands/rules.js';
import { schema } from './commands/schema.js';
import { template } from './commands/template.js';
import { FontError } from '@xxgk/node';
import { CliError, EXIT } from './errors.js';
import { terminal, type Output } from './output.js';

/** A command's action that sets the exit code from the command's answer. */
type Run = <A extends unknown[]>(command: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

function program(output: Output, setExit: (code: number) => void): Command {
  const run: Run =
    <A extends unknown[]>(command: (...args: A) => Promise<number>) =>
    async (...args: A) =>
      setExit(await command(...args));
  const cli = new Command('xxgk')
    .description('政府信息公开工作年度报告：检查、生成与导出')
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .exitOverride()
    .showHelpAfterError();

  cli
    .command('check')
    .description('按一致性规则检查年度报告；给出上年报告时同时进行跨年度核对')
    .argument('<report>', '年度报告 JSON 文件')
    .argument('[last-year]', '同一机关上一年度的报告 JSON 文件')
    .option('--json', '以 JSON 输出检查结果')
    .action(
      run((file: string, last: string | undefined, options: { json?: boolean }) => check(file, last, options, output)),
    );

  cli
    .command('parse')
    .description('读取已发布的年度报告（文本、网页、DOCX、DOC、PDF），按单元格编号输出并检查')
    .argument('<paths...>', '文件或目录（目录递归读取）')
    .option('--json', '每个文件输出完整的报告模型（多个文件时为 JSON Lines）')
    .option('--cells', '每个文件输出单元格编号与数值、推断的单元格和检查结果（JSON Lines）')
    .option('--csv', '每个报告一行、每个单元格编号一列的 CSV')
    .option('-o, --output <file>', '输出文件')
    .option('--explain <cell>', '显示某个单元格数值的出处和原文，如 s3.new.total')
    .option('-j, --jobs <n>', '并行线程数（默认为 CPU 核数）')
    .option('--timeout <seconds>', '单个文件的时间上限（秒）')
    .option('--max-size <megabytes>', '单个文件的大小上限（MB）')
    .option('--no-progress', '不显示进度条')
    .action(run((paths: string[], options: ParseCommandOptions) => parse(paths, options, output)));

  cli
    .command('render')
    .description('按国家格式生成 DOCX、PDF、HTML、Markdown、JSON 或按单元格编号的 JSON/CSV')
    .argument('<reports...>', '年度报告 JSON 文件（csv 可多个）')
    .addOption(new Option('--to <format>', '输出格式').choices(RENDER_FORMATS).makeOptionMandatory())
    .option('-o, --output <path>', '输出文件；多个输入时为输出目录')
    .option('--font <file>', 'PDF 使用的中文字体文件（.ttc 可写作 路径#字体名）')
    .action(
      run((files: string[], options: { to: string; output?: string; font?: string }) => render(files, options, output)),
    );

  cli
    .command('template')
    .description('生成一份空白而有效的年度报告 JSON')
    .requiredOption('--format <format>', '国家格式：2019 或 2021')
    .requiredOption('--agency <name>', '报告机关全称')
    .requiredOption('--year <year>', '报告年度')
    .option('--region <region>', '所属行政区划')
    .option('-o, --output <file>', '输出文件')
    .action(
      run((options: { format: string; agency: string; year: string; region?: string; output?: string }) =>
        template(options, output),
      ),
    );

  addReferenceCommands(cli, run, output);
  return cli;
}

/** The schema, the rules, the demo and the corpus import: commands beside the report's own. */
function addReferenceCommands(cli: Command, run: Run, output: Output): void {
  cli
    .command('schema')
    .description('输出年度报告的 JSON Schema')
    .option('-o, --output <file>', '输出文件')
    .action(run((options: { output?: string }) => schema(options, output)));

  cli
    .command('rules')
    .description('列出全部一致性规则')
    .option('--markdown', '输出规则文档（docs/rules.md）')
    .option('-o, --output <file>', '输出文件')
    .action(run((options: { markdown?: boolean; output?: string }) => rules(options, output)));

  cli
    .command('demo')
    .description('检查并生成随附的示例报告（新用户的第一条命令）')
    .option('-o, --output <dir>', '输出目录', 'xxgk-demo')
    .option('--font <file>', 'PDF 使用的中文字体文件')
    .action(run((options: { output?: string; font?: string }) => demo(options, output)));

  cli
    .command('corpus')
    .description('报告语料库')
    .command('import')
    .description('把已下载的年度报告（文件、目录、ZIP 压缩包）导入语料库；中断后重新运行同一命令即从中断处继续')
    .argument('<paths...>', '文件、目录（递归读取）或 ZIP 压缩包')
    .option('--database <url>', 'PostgreSQL 连接串（默认取 DATABASE_URL，否则为 XXGK_DATA_DIR 中的内置数据库）')
    .option('--label <text>', '本批导入的说明（默认为所给的路径）')
    .option('-j, --jobs <n>', '同时读取的文件数（默认为 CPU 核数）')
    .option('--no-progress', '不显示进度条')
    .action(run((paths: string[], options: CorpusImportOptions) => corpusImport(paths, options, output)));
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], output: Output = terminal): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    await program(output, (code) => (exitCode = code)).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; a usage error is unusable input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    }
    if (error instanceof CliError) {
      output.err(`xxgk：${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof FontError) {
      output.err(`xxgk：${error.message}\n`);
      return EXIT.unusable;
    }
    throw error;
  }
}
