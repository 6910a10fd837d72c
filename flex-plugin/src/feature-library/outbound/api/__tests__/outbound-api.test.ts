import { toRequest } from '../outbound-api';

describe('SendOutboundMessage payload', () => {
  it("honours the seed plugin's contentTemplateSid and messageType: a WhatsApp template send is not empty", () => {
    const request = toRequest({
      destination: '+14155550100',
      callerId: 'whatsapp:+15005550007',
      contentTemplateSid: 'HX00000000000000000000000000000001',
      messageType: 'whatsapp',
      openChat: false,
      routeToMe: true,
    });

    expect(request).toMatchObject({
      to: '+14155550100',
      channel: 'whatsapp',
      contentSid: 'HX00000000000000000000000000000001',
      body: undefined,
    });
  });

  it('takes the channel from messageType before guessing it from the numbers, and ours over the seed fields', () => {
    expect(toRequest({ destination: '+1415', messageType: 'SMS', openChat: true, routeToMe: true }).channel).toBe(
      'sms',
    );
    expect(
      toRequest({
        destination: '+1415',
        channel: 'sms',
        messageType: 'whatsapp',
        contentSid: 'HXours',
        contentTemplateSid: 'HXseed',
        openChat: true,
        routeToMe: true,
      }),
    ).toMatchObject({ channel: 'sms', contentSid: 'HXours' });
  });
});
