export default {
  portal: {},
}
