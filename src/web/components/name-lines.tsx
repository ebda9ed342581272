import { Typography } from 'antd';

/** A name in the script the interface reads first, and the other script on a second line, smaller. */
export function NameLines({ primary, secondary }: { primary: string; secondary: string | null }) {
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{primary}</div>
      {secondary ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {secondary}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** A name and, beside it on the same line, the same name in another script. */
export function NameBeside({ primary, secondary }: { primary: string; secondary: string | null }) {
  return (
    <span>
      {primary}
      {secondary ? (
        <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
          {secondary}
        </Typography.Text>
      ) : null}
    </span>
  );
}
