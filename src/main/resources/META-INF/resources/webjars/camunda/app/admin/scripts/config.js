// Career Conversations: Admin settings (served instead of the webjar's own config.js). The header reads "Career Conversations Admin"; with single
// sign-on the login form is the identity provider's (../careers/single-sign-on.js).
export default {
  app: {
    vendor: 'Career Conversations',
    name: 'Admin'
  },
  customScripts: ['../careers/single-sign-on']
};
