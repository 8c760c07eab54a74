// Career Conversations: Admin settings (PITFALLS 9e). The header reads "Career Conversations Admin".
export default {
  app: {
    vendor: 'Career Conversations',
    name: 'Admin'
  }
};
