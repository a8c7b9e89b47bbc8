// On an account's first page: the account's contacts with the ways to reach each
// (call, email, copy the WeChat ID), the ones added on this phone and not sent yet, and
// the way to add one. Merged-away contacts are hidden by the server.
import { useState } from 'preact/hooks';
import { label } from '../i18n/enums';
import { lang } from '../lib/i18n';
import { queue } from '../lib/offline';
import { useQuery } from '../lib/query';
import { useStore } from '../lib/store';
import { Badge, Empty, Section } from '../ui/bits';
import { saveBlob } from '../lib/download';
import { SHOWN, dialable, mailto, roleLine, vcard, visible, type ContactRow } from './contactList';
import { AccountContacts, ContactDuplicates, contactsOf } from './ContactDuplicates';
import { tct } from './contacts.i18n';

/** The contacts by name, as the list shows them (the query answers oldest first). */
function byName(rows: ContactRow[]): ContactRow[] {
  return [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function AccountContactList({ id }: { id: string }) {
  useStore(lang);
  const q = useQuery(AccountContacts, { id });
  const [all, setAll] = useState(false);
  const [msg, setMsg] = useState('');
  const created = contactsOf(q.data) as ContactRow[];
  const rows = byName(created);
  const org = (q.data?.node && 'name' in q.data.node ? q.data.node.name : '') ?? '';
  async function copy(wechat: string) {
    try {
      await navigator.clipboard.writeText(wechat);
      setMsg(tct('copied', { id: wechat }));
    } catch {
      setMsg(tct('copyFailed', { id: wechat }));
    }
  }
  if (!q.data) return null;
  return (
    <Section title={tct('title')} count={rows.length} id="contacts">
      {msg && (
        <p class="notice" role="status">
          {msg}
        </p>
      )}
      <ContactDuplicates id={id} contacts={created} />
      <WaitingContacts id={id} />
      {rows.length === 0 && <Empty>{tct('none')}</Empty>}
      {rows.length > 0 && (
        <ul class="card plain contact-list">
          {visible(rows, all).map((c) => (
            <ContactItem key={c.id} c={c} org={org} customerID={id} onCopy={copy} />
          ))}
        </ul>
      )}
      <div class="btn-row">
        {rows.length > SHOWN && (
          <button type="button" class="btn" onClick={() => setAll(!all)}>
            {all ? tct('showFewer') : tct('showAll', { n: rows.length })}
          </button>
        )}
        <a class="btn" href={`/customers/${id}/contacts/new`}>
          + {tct('add')}
        </a>
      </div>
    </Section>
  );
}

/** Contacts added on this phone and not sent yet: shown at once, marked as waiting. */
function WaitingContacts({ id }: { id: string }) {
  const items = useStore(queue.items).filter((i) => i.kind === 'contact' && i.customerID === id);
  if (!items.length) return null;
  return (
    <ul class="card plain contact-list">
      {items.map((i) => (
        <li class="contact" key={i.id}>
          <strong>{i.vars.input?.name}</strong> <Badge tone="warn">{tct('waiting')}</Badge>
        </li>
      ))}
    </ul>
  );
}

function ContactItem({ c, org, customerID, onCopy }: { c: ContactRow; org: string; customerID: string; onCopy: (w: string) => void }) {
  const tel = dialable(c);
  const mail = mailto(c);
  const role = roleLine(c, (d) => label('ContactDepartment', d));
  const wechat = c.wechat ? `${tct('wechat', { id: c.wechat })} · ${tct('copy')}` : '';
  return (
    <li class="contact">
      <strong>{c.name}</strong>
      {role && <span class="muted small"> · {role}</span>}
      <div class="contact-actions">
        {tel && (
          <a class="btn" href={tel.href} aria-label={`${tct('call', { name: c.name })} ${tel.shown}`}>
            ☎ {tel.shown}
          </a>
        )}
        {mail && (
          <a class="btn" href={mail} aria-label={`${tct('email', { name: c.name })} ${c.email}`}>
            <span aria-hidden="true">✉</span> {c.email}
          </a>
        )}
        {c.wechat && (
          <button type="button" class="btn" onClick={() => onCopy(c.wechat!)} aria-label={`${wechat}, ${tct('copyLabel', { name: c.name })}`}>
            {wechat}
          </button>
        )}
        {(tel || mail) && (
          <button
            type="button"
            class="btn"
            aria-label={tct('saveCardOf', { name: c.name })}
            onClick={() => saveBlob(new Blob([vcard(c, org, tct('wechatLabel'))], { type: 'text/vcard' }), `${c.name}.vcf`)}
          >
            {tct('saveCard')}
          </button>
        )}
        <a class="btn" href={`/customers/${customerID}/contacts/${c.id}/edit`} aria-label={tct('editOf', { name: c.name })}>
          {tct('edit')}
        </a>
        <a class="btn" href={`/customers/${customerID}/keypersons/new?contact=${encodeURIComponent(c.id)}`} aria-label={tct('makeKeyOf', { name: c.name })}>
          {tct('makeKey')}
        </a>
      </div>
    </li>
  );
}
