// Career Conversations: Cockpit settings (PITFALLS 9e). The header reads "Career Conversations Cockpit".
export default {
  app: {
    vendor: 'Career Conversations',
    name: 'Cockpit'
  }
};
