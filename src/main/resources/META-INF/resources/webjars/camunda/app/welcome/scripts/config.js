// Career Conversations: settings of the welcome app (a person's profile, linked from the webapps' user menu). With
// single sign-on its login form is the identity provider's (../careers/single-sign-on.js), as in the other apps.
export default {
  customScripts: ['../careers/single-sign-on']
};
