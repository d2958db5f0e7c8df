import { useQuery } from '@tanstack/react-query';
import type { LetterKind } from '@xxgk/core';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { Sheet } from './PrintFrame.js';

type Paragraph = components['schemas']['LetterParagraph'];

function LetterParagraphView({ p }: { p: Paragraph }) {
  switch (p.kind) {
    case 'title':
      return <p className="title">{p.text}</p>;
    case 'serialNo':
      return <p className="serial">{p.text}</p>;
    case 'addressee':
      return <p>{p.text}</p>;
    case 'table':
      return (
        <table className="print-table" style={{ margin: '2mm 0' }}>
          <thead>
            <tr>
              {p.header?.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows?.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'signature':
    case 'date':
      return (
        <p
          className="right"
          style={{ paddingRight: `${p.rightIndent ?? 0}em`, marginTop: p.kind === 'signature' ? '12mm' : 0 }}
        >
          {p.text}
        </p>
      );
    default:
      return <p className="body">{p.text}</p>;
  }
}

/** A letter on its own sheet, from the same paragraphs the DOCX prints. */
export function LetterSheet({ id, kind, label }: { id: number; kind: LetterKind; label: string }) {
  const letter = useQuery({
    queryKey: ['print', 'letter', id, kind],
    queryFn: () => unwrap(api.GET('/api/applications/{id}/letters/{kind}/text', { params: { path: { id, kind } } })),
  });
  if (!letter.data) return null;
  return (
    <Sheet label={label}>
      <div className="print-letter">
        {letter.data.map((p, i) => (
          <LetterParagraphView key={i} p={p} />
        ))}
      </div>
    </Sheet>
  );
}
