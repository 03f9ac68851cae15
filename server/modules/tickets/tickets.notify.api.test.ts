// Ticket notifications reach people: in the inbox and as email through a real SMTP server on
// loopback (server/test/peers/smtp.ts). An assignment mails the assignee; a report tells every
// technician; replies and the resolution mail the reporter; nobody is told of their own action.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ok } from '../../test/fixtures.js';
import { startSmtpPeer, type SmtpPeer } from '../../test/peers/smtp.js';
import { dialects } from '../../test/test-app.js';
import { createNotifier } from '../notify/index.js';
import { buildCast, type Cast } from './tickets.fixtures.js';

for (const dialect of dialects()) {
  describe(`ticket notifications by email (${dialect})`, () => {
    let c: Cast;
    let peer: SmtpPeer;
    let id: number;
    let number: string;

    before(async () => {
      c = await buildCast(dialect);
      peer = await startSmtpPeer();
      ok(
        await c.admin.put('/api/notify/settings', {
          enabled: true,
          host: '127.0.0.1',
          port: peer.port,
          security: 'none',
          user: '',
          fromAddress: 'helpdesk@example.edu.cn',
          fromName: '网管台',
          baseUrl: 'https://it.example.edu.cn',
        }),
      );
    });
    after(async () => {
      await c.close();
      await peer.close();
    });

    const mailTo = async (address: string, subject: RegExp) => {
      await createNotifier(c.ctx).flush();
      const found = peer.messages.find((m) => m.to.includes(address) && subject.test(m.subject));
      assert.ok(found, `no mail to ${address} matching ${subject}: ${peer.messages.map((m) => `${m.to} ${m.subject}`).join(' | ')}`);
      return found;
    };

    it('a new report tells the technicians who have an address', async () => {
      const t = ok(await c.staff.post('/api/tickets', { title: '投影仪不亮', description: '会议室投影仪无信号' }));
      id = t.id;
      number = t.number;
      const mail = await mailTo('li@example.edu.cn', /新报修/);
      assert.equal(mail.subject, `新报修 ${number}：投影仪不亮`);
      assert.match(mail.text, /会议室投影仪无信号/);
      assert.ok(!peer.messages.some((m) => m.to.includes('zhang@example.edu.cn')), 'the reporter is not told of their own report');
    });

    it('an assignment mails the assignee, with the link to the ticket', async () => {
      ok(await c.admin.post(`/api/tickets/${id}/assign`, { assigneeUserId: c.tech.userId }));
      const mail = await mailTo('li@example.edu.cn', /已指派给你/);
      assert.equal(mail.subject, `工单 ${number} 已指派给你：投影仪不亮`);
      assert.match(mail.text, new RegExp(`https://it\\.example\\.edu\\.cn/tickets/${id}`));
      assert.equal(mail.html, false, 'plain text only');
      const inbox = ok(await c.tech.get('/api/notifications')).items as { title: string; link: string }[];
      assert.ok(inbox.some((n) => n.title === `工单 ${number} 已指派给你：投影仪不亮` && n.link === `/tickets/${id}`));
    });

    it('a technician reply and the resolution mail the reporter; the reporter’s comment tells the assignee', async () => {
      ok(await c.tech.post(`/api/tickets/${id}/comments`, { body: '请检查 HDMI 线是否插好' }));
      const reply = await mailTo('zhang@example.edu.cn', /有新回复/);
      assert.match(reply.text, /请检查 HDMI 线是否插好/);
      ok(await c.staff.post(`/api/tickets/${id}/comments`, { body: '已插好，还是不行' }));
      await mailTo('li@example.edu.cn', /报修人在工单/);
      // An internal note tells nobody.
      const before = peer.messages.length;
      ok(await c.tech.post(`/api/tickets/${id}/comments`, { body: '灯泡寿命到了', internal: true }));
      await createNotifier(c.ctx).flush();
      assert.equal(peer.messages.length, before);
      ok(await c.tech.post(`/api/tickets/${id}/transition`, { to: 'resolved', resolution: { solution: '更换投影仪灯泡' } }));
      const resolved = await mailTo('zhang@example.edu.cn', /已解决/);
      assert.match(resolved.text, /更换投影仪灯泡/);
    });
  });
}
