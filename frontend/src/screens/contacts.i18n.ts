// Texts of the account page's contact list (AccountContacts.tsx), English and Chinese.
import { messages } from '../lib/i18n';

export const tct = messages(
  'contacts',
  {
    title: 'Contacts',
    none: 'No contacts on this account yet.',
    call: 'Call {name}',
    email: 'Email {name}',
    wechat: 'WeChat: {id}',
    copy: 'Copy',
    copyLabel: 'Copy WeChat ID of {name}',
    copied: 'WeChat ID {id} copied',
    copyFailed: 'Could not copy; WeChat ID: {id}',
    showAll: 'Show all {n}',
    showFewer: 'Show fewer',
    add: 'Add a contact',
    waiting: 'waiting to be sent',
  },
  {
    title: '联系人',
    none: '该客户还没有联系人。',
    call: '致电 {name}',
    email: '发邮件给 {name}',
    wechat: '微信：{id}',
    copy: '复制',
    copyLabel: '复制 {name} 的微信号',
    copied: '已复制微信号 {id}',
    copyFailed: '无法复制；微信号：{id}',
    showAll: '显示全部 {n} 位',
    showFewer: '收起',
    add: '新建联系人',
    waiting: '等待发送',
  },
);
